import { defineRuleTests } from './defineRuleTests.js';

// One test at a time (SEQUENTIAL_KINDS): the oracle compares the pool's client list before and after each rejected create.
defineRuleTests('No side effects of rejected requests', ['side-effect']);
