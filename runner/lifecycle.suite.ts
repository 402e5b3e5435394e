import { defineRuleTests } from './defineRuleTests.js';

// The client after Create: Update, Describe, List and Delete as model-based properties (contract/lifecycleRules.ts).
defineRuleTests('Client lifecycle', ['lifecycle']);
