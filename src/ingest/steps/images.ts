import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, figure, textOf } from '../blocks.ts';

const IMAGE_FILE = /^[^\s\\/:*?"<>|]{1,120}\.(jpe?g|png|gif|webp|bmp|tiff?)$/iu;

/**
 * A plain-text capture shows where a photo stood only by its file name on a line of its own
 * (0214株洲企业2.jpg). That line becomes a placeholder for the photo, which was not archived; the
 * captions step then attaches the caption that follows it.
 */
export const markImageLines: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  tree.children = blocks(tree).map((block) => {
    const text = textOf(block).trim();
    if (block.tagName !== 'p' || !IMAGE_FILE.test(text)) return block;
    state.ledger.push({ step: 'images', action: 'moved', rule: 'images/file-name', label: '图片文件名（图片未存档，保留为图片占位）', text });
    return figure(text);
  });
};
