import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** Elements that carry no article text, or carry code: their whole content goes. */
const INVISIBLE = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'button', 'select', 'textarea', 'input',
  'link', 'meta', 'base',
]);
/** What the record of changes (整理记录) calls each: a reader's words, not the element's name. */
const INVISIBLE_LABELS: Record<string, string> = {
  head: '网页头部（标题栏与网页设置）',
  script: '网页脚本（程序代码）',
  style: '网页样式代码',
  noscript: '浏览器不运行脚本时才显示的内容',
  template: '网页模板代码',
  iframe: '嵌入的其他网页',
  frame: '嵌入的其他网页',
  frameset: '嵌入的其他网页',
  object: '嵌入的插件内容',
  embed: '嵌入的插件内容',
  applet: '嵌入的插件内容',
  svg: '矢量图形代码',
  math: '数学公式代码',
  canvas: '网页画布（由脚本绘制）',
  video: '视频播放器',
  audio: '音频播放器',
  button: '按钮',
  select: '下拉选择框',
  textarea: '文字输入框',
  input: '输入框',
  link: '网页引用的外部文件',
  meta: '网页设置信息',
  base: '网页设置信息',
};
const CONTROLS = new Set(['input', 'button', 'select', 'textarea']);

/** A form holding less prose than this (sentences, characters) besides its controls is a search box or login. */
const FORM_PROSE_SENTENCES = 2;
const FORM_PROSE_CHARACTERS = 200;

/**
 * Removes comments, scripts, styles, frames and form controls from an HTML capture, noting each in
 * the ledger. rehype-sanitize (the next step) would drop them too; doing it here first is what
 * lets the audit report say what was there.
 *
 * A <form> is furniture only when it holds form controls and little prose (a search box, a
 * login, a comment box). Government portals built on ASP.NET wrap the whole page in one
 * <form id="form1">, and a form left with an unclosed element holds the paragraphs that follow
 * it: such a form is unwrapped and its text stays.
 */
export const stripMarkup: Plugin<[], Root> = () => (tree, file) => {
  const ledger = file.data.ingest!.ledger;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'comment') {
      const text = node.value.trim();
      if (text) ledger.push({ step: 'markup', action: 'removed', rule: 'markup/comment', label: '网页源代码中的注释', text });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'element') return undefined;
    if (node.tagName === 'form') {
      const { controls, prose } = formContent(node);
      if (controls && prose.sentences < FORM_PROSE_SENTENCES && prose.characters < FORM_PROSE_CHARACTERS) {
        const text = toText(node).trim();
        ledger.push({ step: 'markup', action: 'removed', rule: 'markup/form', label: '表单（搜索框、登录框等）', ...(text ? { text } : {}) });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      ledger.push({ step: 'markup', action: 'unwrapped', rule: 'markup/form', label: '包着正文的表单（文字保留）' });
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    if (INVISIBLE.has(node.tagName)) {
      const text = (node.tagName === 'style' || node.tagName === 'script' ? textContent(node) : toText(node)).trim();
      ledger.push({ step: 'markup', action: 'removed', rule: `markup/${node.tagName}`, label: INVISIBLE_LABELS[node.tagName] ?? `不显示的网页代码（${node.tagName}）`, ...(text ? { text } : {}) });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
};

/** Whether a form holds controls, and how much visible prose it holds besides them. */
function formContent(form: Element): { controls: boolean; prose: { sentences: number; characters: number } } {
  let controls = false;
  let text = '';
  const stack: ElementContent[] = [...form.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.value;
    if (node.type !== 'element') continue;
    if (CONTROLS.has(node.tagName)) controls = true;
    if (INVISIBLE.has(node.tagName)) continue;
    stack.push(...node.children);
  }
  return {
    controls,
    prose: { sentences: (text.match(/[。！？]/gu) ?? []).length, characters: text.replace(/\s/gu, '').length },
  };
}

function textContent(node: Element): string {
  return node.children.map((child: RootContent | ElementContent) => (child.type === 'text' ? child.value : '')).join('');
}
