import { defineRuleTests } from './defineRuleTests.js';

// Fixed requests every Cognito must refuse (contract/probeRules.ts).
defineRuleTests('Probes', ['probe']);
