import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';

// Placeholder while this feature is being written in this session; replaced before it lands.
export function registerNavigation(_context: vscode.ExtensionContext, _service: AnalysisService): void {}
