import { afterAll } from 'vitest';
import { releaseTestDatabases } from './test-database';

afterAll(releaseTestDatabases);
