// The editor's behaviour in the browser. Every page works without it; this
// adds the preview, formatting buttons, uploads, filters, repeatable
// groups, the id derived from the title and the warning before leaving a
// form with unsaved changes.
(() => {
  "use strict";
  const prefix = "/__passerelle/edit/";
  const token = document.querySelector('meta[name="passerelle-token"]')?.content || "";

  const summary = document.querySelector("[data-summary]");
  if (summary) summary.focus();

  const post = (name, body, type) =>
    fetch(prefix + name, {
      method: "POST",
      headers: { "Content-Type": type, "X-Passerelle-Token": token },
      body,
    });

  // Unsaved changes: asked before the tab closes or the page changes.
  const form = document.querySelector("[data-editor-form]");
  let dirty = false;
  if (form) {
    form.addEventListener("input", () => { dirty = true; });
    form.addEventListener("change", () => { dirty = true; });
    form.addEventListener("submit", () => { dirty = false; });
    window.addEventListener("beforeunload", (event) => {
      if (dirty) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  // The preview, rendered by passerelle's own Markdown pipeline.
  const body = document.querySelector("[data-body]");
  const preview = document.querySelector("[data-preview]");
  if (form && body && preview) {
    let timer = 0;
    const refresh = async () => {
      const data = new URLSearchParams({ path: form.elements.path.value, body: body.value });
      try {
        const answer = await post("preview", data.toString(), "application/x-www-form-urlencoded");
        if (answer.ok) preview.innerHTML = await answer.text();
      } catch (_) { /* the server restarts: the next keystroke tries again */ }
    };
    body.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    refresh();
  }

  // Formatting buttons wrap the selection or insert a pattern.
  const formats = {
    bold: ["**", "**"],
    italic: ["_", "_"],
    heading: ["\n## ", ""],
    list: ["\n- ", ""],
    link: ["[", "](https://)"],
  };
  document.querySelectorAll("[data-format]").forEach((button) => {
    button.addEventListener("click", () => {
      const [before, after] = formats[button.dataset.format];
      const { selectionStart: start, selectionEnd: end, value } = body;
      body.setRangeText(before + value.slice(start, end) + after, start, end, "end");
      body.focus();
      body.dispatchEvent(new Event("input", { bubbles: true }));
    });
  });

  // Filters of reference lists, ignoring case and accents.
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  document.querySelectorAll("[data-filter]").forEach((input) => {
    const list = document.getElementById(input.dataset.filter);
    input.addEventListener("input", () => {
      const wanted = fold(input.value.trim());
      list.querySelectorAll("li").forEach((item) => {
        item.hidden = wanted !== "" && !fold(item.textContent).includes(wanted);
      });
    });
  });

  // Another entry of a repeatable group: a copy of the last one, emptied.
  document.querySelectorAll("[data-add-entry]").forEach((button) => {
    button.addEventListener("click", () => {
      const key = button.dataset.addEntry;
      const list = document.querySelector(`[data-group="${key}"]`);
      const entries = list.querySelectorAll(".entry");
      const last = entries[entries.length - 1];
      const copy = last.cloneNode(true);
      const n = entries.length;
      copy.querySelectorAll("input").forEach((input) => {
        const sub = input.name.split(".").pop();
        input.name = `${key}.${n}.${sub}`;
        input.id = `${input.id.replace(/-\d+-[a-z]+$/, "")}-${n}-${sub}`;
        input.value = "";
        input.previousElementSibling?.setAttribute("for", input.id);
      });
      const legend = copy.querySelector("legend");
      if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(n + 1));
      list.appendChild(copy);
      copy.querySelector("input")?.focus();
      dirty = true;
    });
  });

  // Uploads: into the image field, or as an image in the text.
  document.querySelectorAll("[data-upload]").forEach((input) => {
    const status = input.closest(".field, .insert-image")?.querySelector("[data-upload-status]");
    input.addEventListener("change", async () => {
      const file = input.files[0];
      if (!file) return;
      const target = input.dataset.upload;
      const altInput = target === "body" ? document.querySelector("[data-upload-alt]") : null;
      if (altInput && altInput.value.trim() === "") {
        if (status) status.textContent = input.closest(".insert-image")?.dataset.altFirst || "";
        altInput.setAttribute("aria-invalid", "true");
        altInput.focus();
        input.value = "";
        return;
      }
      try {
        const answer = await post(`upload?name=${encodeURIComponent(file.name)}`, file, file.type || "application/octet-stream");
        const text = await answer.text();
        if (!answer.ok) {
          if (status) status.textContent = text.trim();
          return;
        }
        const { src } = JSON.parse(text);
        if (target === "body") {
          const alt = altInput.value.trim().replace(/[\[\]]/g, "");
          body.setRangeText(`\n![${alt}](${src})\n`, body.selectionStart, body.selectionEnd, "end");
          body.dispatchEvent(new Event("input", { bubbles: true }));
          altInput.value = "";
          altInput.removeAttribute("aria-invalid");
        } else {
          const field = form.elements[target];
          field.value = src;
        }
        if (status) status.textContent = src;
        dirty = true;
      } catch (error) {
        if (status) status.textContent = String(error);
      }
    });
  });

  // The id of a new item follows its title until it is edited by hand.
  const title = document.querySelector("[data-title]");
  const id = document.querySelector("[data-id]");
  const kind = document.getElementById("new-kind");
  if (title && id && kind) {
    let typed = id.value !== "";
    id.addEventListener("input", () => { typed = id.value !== ""; });
    const derive = () => {
      if (typed) return;
      const base = fold(title.value)
        .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
      const taken = new Set((kind.selectedOptions[0]?.dataset.ids || "").split(" "));
      let candidate = base;
      for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
      id.value = candidate;
    };
    title.addEventListener("input", derive);
    kind.addEventListener("change", derive);
  }
})();
