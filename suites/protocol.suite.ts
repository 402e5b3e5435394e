import { defineRuleTests } from './defineRuleTests.js';

defineRuleTests('Wire protocol', ['protocol']);
