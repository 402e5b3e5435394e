import { defineRuleTests } from './defineRuleTests.js';

defineRuleTests('Output formats and consistency', ['output', 'consistency']);
