// The theme switch: flips data-theme on <html> and remembers the choice.
class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector("button");
    if (!button) return;
    this.hidden = false;
    const label = () => {
      const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
      button.setAttribute("aria-label", `Switch to ${next} theme`);
    };
    label();
    button.addEventListener("click", () => {
      const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem("syslab-theme", next);
      } catch {
        // Storage can be disabled; the switch still works for this page.
      }
      label();
      document.dispatchEvent(new CustomEvent("syslab:theme"));
    });
  }
}

customElements.define("theme-toggle", ThemeToggle);
