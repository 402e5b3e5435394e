import { defineRuleTests } from './defineRuleTests.js';

defineRuleTests('Defaults of an accepted create', ['default']);
