// A rehype plugin for the notes: each Markdown table sits in a box that scrolls sideways on a narrow
// screen and is in the tab order, so a keyboard can scroll it too (axe's scrollable-region-focusable).

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function wrapTables(node: Node): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type === "element" && child.tagName === "table") {
      return {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], tabIndex: 0 },
        children: [child],
      };
    }
    wrapTables(child);
    return child;
  });
}

export function scrollableTables() {
  return (tree: Node) => wrapTables(tree);
}
