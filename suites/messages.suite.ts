import { defineRuleTests } from './defineRuleTests.js';

// Error message wording where real AWS output shows it (contract/messageRules.ts).
defineRuleTests('Error messages', ['message']);
