import type * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';

// Placeholder while this feature is being written in this session; replaced before it lands.
export class WorkspaceIndex implements vscode.Disposable {
  constructor(readonly service: AnalysisService) {}
  dispose(): void {}
}
