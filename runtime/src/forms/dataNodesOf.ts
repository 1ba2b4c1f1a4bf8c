import type { FormNode } from './FormModel.js';

/** The components whose values sit in one object: layouts are see-through, static content holds nothing. */
export function dataNodesOf(nodes: readonly FormNode[]): FormNode[] {
  return nodes.flatMap((node) =>
    node.shape === 'layout' ? dataNodesOf(node.children) : node.shape === 'static' ? [] : [node],
  );
}
