const fs = require('fs');
const path = require('path');
const { src, dest, parallel } = require('gulp');

/** Copies what tsc does not: the icons and the nodes' codex (.node.json) files. */
function copyIcons() {
	return src('icons/*.svg').pipe(dest(path.join('dist', 'icons')));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest(path.join('dist', 'nodes')));
}

exports['build:icons'] = parallel(copyIcons, copyCodex);

/** Empties dist/, so nothing a previous build left behind is packed. */
exports.clean = async function clean() {
	fs.rmSync('dist', { recursive: true, force: true });
};
