// Live reload for `passerelle serve`. The dev server adds this script to HTML
// pages as it answers them; it is never part of a build. The server fills in
// the configuration passed at the bottom (generation, overlay style, and the
// overlay's fixed texts in the language passerelle speaks on the terminal).
(function (config) {
  "use strict";
  if (!config || !window.EventSource || window.passerelleLive) return;
  window.passerelleLive = true;
  var ID = "passerelle-errors";
  var lastSeen = config.generation;

  // Browsers open at most six HTTP/1.1 connections per host and each event
  // stream holds one, so a seventh tab would never load. One tab (whichever
  // holds the lock) listens for all and relays events over a channel. Locks
  // need a secure context: over plain http to a LAN address, each tab listens.
  var channel = window.BroadcastChannel && navigator.locks ? new BroadcastChannel("passerelle-live") : null;
  if (channel) {
    channel.onmessage = function (message) {
      handle(message.data);
    };
    navigator.locks.request("passerelle-live", function () {
      listen();
      return new Promise(function () {}); // held as long as the page lives
    });
  } else {
    listen();
  }

  // `since` lets the server tell a page that missed a change (or a server
  // restart) to reload; on reconnects the browser sends Last-Event-ID too.
  function listen() {
    var source = new EventSource("/__passerelle/events?since=" + lastSeen);
    ["hello", "reload", "ok", "errors", "css"].forEach(function (type) {
      source.addEventListener(type, function (event) {
        var message = { type: type, id: event.lastEventId, data: event.data };
        if (channel) channel.postMessage(message);
        handle(message);
      });
    });
  }

  function handle(message) {
    lastSeen = message.id || lastSeen;
    if (message.type === "reload") {
      refresh();
    } else if (message.type === "ok") {
      removeOverlay();
      refresh();
    } else if (message.type === "errors") {
      var failure;
      try {
        failure = JSON.parse(message.data);
      } catch (e) {
        location.reload();
        return;
      }
      showOverlay(failure);
    } else if (message.type === "css") {
      swapStylesheets(message.data);
    }
  }

  // Shows the new version of the page without reloading it: fetches it,
  // and swaps the body and title when the page carries no script of its
  // own and the same stylesheets (the browser then re-fetches nothing, so
  // the edit shows at once). Anything else gets a plain reload.
  function refresh() {
    if (!window.fetch || !window.DOMParser || hasOwnScripts(document)) {
      location.reload();
      return;
    }
    fetch(location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        var type = response.headers.get("content-type") || "";
        if (!response.ok || type.indexOf("text/html") !== 0) throw new Error("not a page");
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        if (hasOwnScripts(fresh) || stylesheets(fresh) !== stylesheets(document)) throw new Error("reload");
        var x = window.scrollX;
        var y = window.scrollY;
        document.title = fresh.title;
        document.documentElement.lang = fresh.documentElement.lang;
        document.body.replaceWith(document.adoptNode(fresh.body));
        window.scrollTo(x, y);
      })
      .catch(function (error) {
        console.log("passerelle: reloading (" + error.message + ")");
        location.reload();
      });
  }

  function hasOwnScripts(doc) {
    return Array.prototype.some.call(doc.querySelectorAll("script"), function (script) {
      var src = script.getAttribute("src") || "";
      var type = script.getAttribute("type") || "";
      return src.indexOf("/__passerelle/") === -1 && type !== "application/ld+json";
    });
  }

  function stylesheets(doc) {
    return Array.prototype.map
      .call(doc.querySelectorAll("link[rel~=stylesheet]"), function (link) {
        return link.getAttribute("href");
      })
      .join(" ");
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-passerelle-dismiss]")) removeOverlay();
  });
  document.addEventListener("keydown", function (event) {
    var panel = document.getElementById(ID);
    if (event.key === "Escape" && panel && panel.contains(document.activeElement)) removeOverlay();
  });

  // Replaces each local stylesheet by a fresh copy; the old one goes only once
  // the new one has loaded, so the page never shows unstyled.
  function swapStylesheets(version) {
    var links = document.querySelectorAll("link[rel][href]");
    Array.prototype.forEach.call(links, function (link) {
      if (!/(^|\s)stylesheet(\s|$)/i.test(link.rel) || link.hasAttribute("data-passerelle-old")) return;
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set("v", version);
      var fresh = link.cloneNode(false);
      fresh.removeAttribute("integrity");
      fresh.setAttribute("href", url.pathname + url.search + url.hash);
      link.setAttribute("data-passerelle-old", "");
      var done = function () {
        if (link.parentNode) link.parentNode.removeChild(link);
      };
      fresh.addEventListener("load", done);
      fresh.addEventListener("error", done);
      link.parentNode.insertBefore(fresh, link.nextSibling);
    });
  }

  function removeOverlay() {
    var panel = document.getElementById(ID);
    if (panel) panel.parentNode.removeChild(panel);
  }

  // The same markup the server puts right after <body> (see server/page.rs);
  // `failure` holds the heading, the count and the errors, texts the server
  // wrote in its language.
  function showOverlay(failure) {
    removeOverlay();
    var panel = element("div");
    panel.id = ID;
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-live", "assertive");
    panel.lang = config.lang;
    panel.appendChild(element("style", config.style));
    var button = element("button", config.dismiss);
    button.type = "button";
    button.setAttribute("data-passerelle-dismiss", "");
    panel.appendChild(button);
    panel.appendChild(element("h2", failure.heading));
    panel.appendChild(element("p", failure.count));
    var list = element("ol");
    failure.errors.forEach(function (error) {
      var item = element("li");
      item.appendChild(element("code", error.path + ":" + error.line + ":" + error.col));
      item.appendChild(element("p", error.message));
      if (error.hint) {
        var hint = element("p", config.hint + " " + error.hint);
        hint.className = "passerelle-hint";
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    document.body.insertBefore(panel, document.body.firstChild);
  }

  function element(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    return node;
  }
})(/*config*/);
