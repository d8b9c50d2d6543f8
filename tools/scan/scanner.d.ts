/** The part of @n8n/scan-community-package's scanner (plain ESM, no types of its own) that `npm run scan` calls. */
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export interface AnalysisResult {
		passed: boolean;
		message?: string;
		details?: string;
	}
	/** The file globs the scanner lints in the provenance-attested source checkout. */
	export const SOURCE_FILE_PATTERNS: string[];
	/** Lints the files matching `filePatterns` under `packageDir` with the scanner's own rule set. */
	export function analyzePackage(packageDir: string, filePatterns?: string[]): Promise<AnalysisResult>;
}
