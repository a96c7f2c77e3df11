import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { WorkspaceIndex } from './workspaceIndex';

// Placeholder while this feature is being written in this session; replaced before it lands.
export function registerHovers(_context: vscode.ExtensionContext, _service: AnalysisService, _workspace: WorkspaceIndex): void {}
