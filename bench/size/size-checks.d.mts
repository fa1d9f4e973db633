export declare const repoRoot: string;
export declare const rolldownOptions: {
  platform: 'browser';
  resolve: { conditionNames: string[] };
  transform: { define: Record<string, string> };
  treeshake: boolean;
};
export declare const externalPackages: string[];
export declare const CHAT_HOOK_TARGET: number;
export declare const budgets: Record<string, number>;
export interface UIComponent {
  name: string;
  /** Repo-relative path of the module that defines it. */
  file: string;
}
export declare function uiComponents(): UIComponent[];
export interface SizeCheck {
  name: string;
  /** A repo-relative file, or a package name. */
  from: string;
  names: string[];
  /** Gzip budget in bytes. */
  limit?: number;
}
export declare function sizeChecks(): SizeCheck[];
