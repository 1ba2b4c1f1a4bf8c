/** Test helpers for packages that build on the engine's database layer. */
export { createTestDatabase } from './store/createTestDatabase.js';
