/** Tiny DOM helpers: elements are built with text, never with unsanitized HTML. */

type Attributes = Record<string, string | undefined>;

/** Creates an element with attributes (undefined ones skipped) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attributes = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** A codicon span (the font ships in dist/codicons). */
export function icon(name: string): HTMLSpanElement {
  return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** An icon button with an accessible name and a tooltip. */
export function iconButton(id: string | undefined, iconName: string, label: string, extraClass = ''): HTMLButtonElement {
  return el('button', { id, class: `icon-button ${extraClass}`.trim(), type: 'button', title: label, 'aria-label': label }, icon(iconName));
}

/** Looks up an element that index.html or the view created; a missing one is a bug. */
export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing element #${id}`);
  return node as T;
}
