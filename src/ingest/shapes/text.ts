import type { Element, Root } from 'hast';
import { paragraph } from '../blocks.ts';

/**
 * Reads a plain-text capture (a page saved as text, or copied from a browser): every non-empty
 * line is a block. How a line was indented and how many blank lines preceded it are kept on the
 * block, because on such pages layout is the only trace of what was a caption and what was body.
 */
export function readText(text: string): Root {
  const children: Element[] = [];
  let blankBefore = 0;
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) {
      blankBefore++;
      return;
    }
    const indent = /^[\s\u3000]*/u.exec(line)![0];
    const width = [...indent].reduce((sum, char) => sum + (char === '\u3000' ? 2 : 1), 0);
    children.push(paragraph(line.trim(), { raw: line.trim(), line: index + 1, indent: width, blankBefore }));
    blankBefore = 0;
  });
  return { type: 'root', children };
}
