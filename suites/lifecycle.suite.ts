import { defineRuleTests } from './defineRuleTests.js';

// The client after Create: Update, Describe, List and Delete in sequences (contract/lifecycleRules.ts).
defineRuleTests('Client lifecycle', ['lifecycle']);
