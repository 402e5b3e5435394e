import { defineRuleTests } from './defineRuleTests.js';

defineRuleTests('Cross-field and existence rules', ['cross-field', 'existence']);
