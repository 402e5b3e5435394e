import { defineRuleTests } from './defineRuleTests.js';

defineRuleTests('Model constraints (required, length, range, pattern, enum, list bounds)', ['required', 'length', 'range', 'pattern', 'enum', 'list-length']);
