#!/usr/bin/env node
'use strict';
// npm does not put a package's own `bin` on the path of its own checkout, so `npx handlingsplan` in a
// fresh clone would look for it in the registry. Linking it into node_modules/.bin (as npm does for a
// dependency) makes `npx handlingsplan` run this checkout's CLI. Runs from `prepare`, after the build.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(binDir, 'handlingsplan');
fs.mkdirSync(binDir, { recursive: true });
fs.rmSync(target, { force: true });
fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'handlingsplan.js')), target);
