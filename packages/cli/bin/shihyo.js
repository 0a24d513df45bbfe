#!/usr/bin/env node
// Kept tiny: the command modules (and the engine) load only when a command needs them.
import { main } from "../dist/main.js";

process.exitCode = await main(process.argv.slice(2));
