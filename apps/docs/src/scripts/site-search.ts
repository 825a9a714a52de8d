// Header search over the Pagefind index in /pagefind (built after astro build; works offline).
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // A runtime path: the index does not exist when the bundler runs.
  const url = "/pagefind/pagefind.js";
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

class SiteSearch extends HTMLElement {
  #sequence = 0;

  connectedCallback(): void {
    const input = this.querySelector("input");
    const list = this.querySelector("ul");
    if (!input || !list) return;
    this.hidden = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener("focus", () => void loadPagefind().catch(() => undefined), { once: true });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.#search(input.value.trim(), list), 120);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        list.hidden = true;
        input.blur();
      }
    });
    document.addEventListener("click", (event) => {
      if (!this.contains(event.target as Node)) list.hidden = true;
    });
  }

  async #search(query: string, list: HTMLElement): Promise<void> {
    const sequence = ++this.#sequence;
    if (query === "") {
      list.hidden = true;
      return;
    }
    let items: HTMLElement[];
    try {
      const { results } = await (await loadPagefind()).search(query);
      const data = await Promise.all(results.slice(0, 8).map((result) => result.data()));
      items = data.map((entry) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = entry.url;
        const title = document.createElement("strong");
        title.textContent = entry.meta.title ?? entry.url;
        const excerpt = document.createElement("span");
        // Pagefind's excerpt is escaped text with <mark> around the matches.
        excerpt.innerHTML = entry.excerpt;
        link.append(title, excerpt);
        item.append(link);
        return item;
      });
      if (items.length === 0) {
        const item = document.createElement("li");
        item.className = "search-empty";
        item.textContent = `Nothing found for “${query}”.`;
        items = [item];
      }
    } catch {
      const item = document.createElement("li");
      item.className = "search-empty";
      item.textContent = "Search is not available here (the index is built with the site).";
      items = [item];
    }
    if (sequence !== this.#sequence) return;
    list.replaceChildren(...items);
    list.hidden = false;
  }
}

customElements.define("site-search", SiteSearch);
