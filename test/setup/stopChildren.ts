/** After each test file: every child process the file started (tools/processes.ts) is stopped with its group. */
import { stopAllChildren } from '../../tools/processes';

afterAll(async () => await stopAllChildren(), 60000);
