import { afterAll } from "vitest";
import { removeTempDirs } from "./tempDir.js";

// Setup file: runs in every test file, so the folders a file's tests made are gone when the file ends.
afterAll(removeTempDirs);
