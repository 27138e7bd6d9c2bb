import { describe, expect, it } from "vitest";
import { replyTree } from "./reply-tree";

describe("replies as a tree", () => {
  it("nests children under their parent, in order", () => {
    const tree = replyTree([
      { id: "a", parentId: null },
      { id: "a1", parentId: "a" },
      { id: "b", parentId: null },
      { id: "a2", parentId: "a" },
    ]);
    expect(tree.map((n) => [n.reply.id, n.children.map((c) => c.id)])).toEqual([
      ["a", ["a1", "a2"]],
      ["b", []],
    ]);
  });

  it("shows a child whose parent is missing on its own", () => {
    const tree = replyTree([
      { id: "x1", parentId: "x" },
      { id: "b", parentId: null },
    ]);
    expect(tree.map((n) => n.reply.id)).toEqual(["x1", "b"]);
  });
});
