import type { FormNode } from './FormModel.js';

/**
 * The data paths of a form's file fields outside grids (e.g. `proof`, `shop.sketch`): where a submission names
 * the attachments it carries. Files inside grid rows are not listed (their paths repeat per row).
 */
export function fileFieldPathsOf(nodes: readonly FormNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.shape === 'grid') return [];
    if (node.type === 'file') return [node.dataPath];
    return fileFieldPathsOf(node.children);
  });
}
