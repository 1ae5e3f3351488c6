/* Search page of the passerelle default theme.
 *
 * Plain script, no dependency, no build step. It loads the small meta file
 * of the page's language index (the form's data-index attribute, e.g.
 * /fr/search-index/meta.json), then, for each query, only the term shards
 * of the words typed and the pages of documents it shows, each once. What
 * it shows comes from those files and from the form's data-* attributes,
 * which the template translates.
 *
 * The index format is documented at the top of src/search.rs. The index is
 * keyed by Snowball stems computed at build time; this script never stems:
 * it folds a query word as the build folds text and finds the word's stem
 * in the word's shard. A word the site never uses is matched by the longest
 * stem of its shard that begins it, and the last word, while typed, by
 * every word it begins.
 *
 * FOLD, foldWords() and isTerm() repeat src/search/fold.rs: KEEP THEM IN
 * SYNC. The FOLD strings must be identical, and
 * tests/browser/search_fold.test.mjs checks that, and runs the table of
 * cases that the Rust test of `fold` also asserts.
 *
 * In Node (tests), only the pure functions are defined, on
 * globalThis.passerelleSearch; the page code runs only where there is a
 * document holding the search form.
 */
(function () {
  'use strict';

  // Characters folded after lowercasing, as `characters=replacement` groups.
  // KEEP IN SYNC with FOLD in src/search/fold.rs (identical string).
  const FOLD = 'àáâãäåāăą=a æ=ae çćĉċč=c ďđð=d èéêëēĕėęě=e ĝğġģ=g ĥħ=h ìíîïĩīĭįı=i ĳ=ij ĵ=j ķ=k ĺļľŀł=l ' +
    'ñńņňŉ=n òóôõöøōŏő=o œ=oe ŕŗř=r śŝşšș=s ß=ss ţťŧț=t þ=th ùúûüũūŭůűų=u ŵ=w ýÿŷ=y źżž=z ς=σ';

  // The term rules of src/search/fold.rs (MIN_TERM, MAX_TERM, four-digit numbers).
  const MIN_TERM = 2;
  const MAX_TERM = 30;
  // The last word of a query, while typed, matches the words it begins,
  // unless they spread over more shards than this (a word of two or three
  // letters on a large site): then it matches as a whole word.
  const PREFIX_SHARDS = 3;
  // How many results are shown at first and added by the "more" button.
  const PAGE = 10;
  // Milliseconds: results follow typing after a short pause, the spoken
  // count after a longer one.
  const TYPING_DELAY = 60;
  const ANNOUNCE_DELAY = 700;
  // Characters of an excerpt, and before its first match.
  const EXCERPT = 220;
  const BEFORE_MATCH = 60;

  const FOLDED = new Map();
  for (const group of FOLD.split(' ')) {
    const [chars, ascii] = group.split('=');
    for (const c of chars) FOLDED.set(c, ascii);
  }
  const ASCII_WORD = /[0-9A-Za-z]/;
  const WORD = /[\p{Alphabetic}\p{N}]/u; // Rust's char::is_alphanumeric
  const COMBINING = /[\u0300-\u036f]/;

  /** The words of fold(text), as src/search/fold.rs `fold_words` finds them. */
  function foldWords(text) {
    const words = [];
    let word = '';
    const end = () => {
      if (word) words.push(word);
      word = '';
    };
    for (const c of String(text)) {
      if (c.charCodeAt(0) < 128) {
        if (ASCII_WORD.test(c)) word += c.toLowerCase();
        else end();
        continue;
      }
      const direct = FOLDED.get(c);
      if (direct !== undefined) {
        word += direct;
        continue;
      }
      // One character at a time, as Rust's char::to_lowercase.
      for (const l of c.toLowerCase()) {
        const ascii = FOLDED.get(l);
        if (ascii !== undefined) word += ascii;
        else if (WORD.test(l)) word += l;
        else if (!COMBINING.test(l)) end();
      }
    }
    end();
    return words;
  }

  /** Lowercase, accents folded to ASCII, punctuation to single spaces. */
  function fold(text) {
    return foldWords(text).join(' ');
  }

  /** Whether a folded word is indexed: src/search/fold.rs `is_term`. */
  function isTerm(word, stop) {
    const chars = [...word].length;
    return chars >= MIN_TERM && chars <= MAX_TERM && (chars === 4 || !/^[0-9]+$/.test(word)) && !stop.has(word);
  }

  const DIGIT = new Map([...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'].map((c, i) => [c, i]));

  /** The document numbers of one posting list (format in src/search/postings.rs). */
  function decodePostings(text, total) {
    const docs = [];
    if (text[0] === '~') {
      for (let i = 1; i < text.length; i++) {
        const bits = DIGIT.get(text[i]);
        for (let bit = 0; bit < 6; bit++) if (bits & (1 << bit)) docs.push((i - 1) * 6 + bit);
      }
      return docs;
    }
    const negated = text[0] === '!';
    let n = 0;
    let previous = -1;
    for (let i = negated ? 1 : 0; i < text.length; i++) {
      const value = DIGIT.get(text[i]);
      n = n * 32 + (value % 32);
      if (value < 32) {
        previous = previous < 0 ? n : previous + n + 1;
        docs.push(previous);
        n = 0;
      }
    }
    if (!negated) return docs;
    const without = new Set(docs);
    const holders = [];
    for (let d = 0; d < total; d++) if (!without.has(d)) holders.push(d);
    return holders;
  }

  /** First index of a sorted array whose item is >= key. */
  function lowerBound(items, key) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The number of the shard holding a folded word: the last one starting at or before it. */
  function shardOf(meta, word) {
    const after = lowerBound(meta.shards, word);
    if (meta.shards[after] === word) return after;
    return Math.max(0, after - 1);
  }

  /** Wraps a parsed terms/<n>.json with the lookups a query needs. */
  function makeShard(data, total) {
    const decoded = new Map();
    let byStem = null;
    return {
      data,
      /** Stem number of a folded word, or -1 if the site never uses the word. */
      stemOf(word) {
        const at = lowerBound(data.words, word);
        return data.words[at] === word ? data.stem[at] : -1;
      },
      /** Stem numbers of the words that `prefix` begins. */
      stemsBegun(prefix) {
        const found = new Set();
        for (let i = lowerBound(data.words, prefix); i < data.words.length && data.words[i].startsWith(prefix); i++) {
          found.add(data.stem[i]);
        }
        return [...found];
      },
      /** The longest stem of at least `min` characters that begins `word`, or -1. */
      stemBeginning(word, min) {
        for (let length = word.length; length >= min; length--) {
          const at = lowerBound(data.stems, word.slice(0, length));
          if (data.stems[at] === word.slice(0, length)) return at;
        }
        return -1;
      },
      /** The words of the site that have stem number `stem`. */
      wordsOf(stem) {
        if (!byStem) {
          byStem = data.stems.map(() => []);
          data.words.forEach((word, i) => byStem[data.stem[i]].push(word));
        }
        return byStem[stem];
      },
      postings(stem) {
        if (!decoded.has(stem)) {
          decoded.set(stem, [decodePostings(data.docs[stem], total), decodePostings(data.titles[stem], total)]);
        }
        return decoded.get(stem);
      },
    };
  }

  /**
   * The query's words that count: words that are not indexed are left out
   * (stop words, one letter, plain numbers), and the last one is a prefix
   * (as-you-type) unless the query ends with a space or punctuation.
   */
  function queryWords(query, stop) {
    const words = foldWords(query);
    const open = /[\p{Alphabetic}\p{N}\u0300-\u036f]$/u.test(query);
    return words
      .map((word, i) => ({ word, prefix: open && i === words.length - 1 }))
      .filter(({ word, prefix }) => (prefix ? [...word].length >= MIN_TERM && !stop.has(word) : isTerm(word, stop)));
  }

  /**
   * The stems one query word matches, as [shard, stem number] pairs, and
   * the words of the site to mark in results. `load(n)` gives (a promise
   * of) shard n made by makeShard.
   */
  async function matchWord(meta, load, { word, prefix }) {
    const first = shardOf(meta, word);
    const stems = [];
    const marks = new Set();
    const take = (shard, stem) => {
      stems.push([shard, stem]);
      for (const w of shard.wordsOf(stem)) marks.add(w);
    };
    if (prefix) {
      const last = shardOf(meta, word + '\uffff');
      if (last - first < PREFIX_SHARDS) {
        const shards = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => load(first + i)));
        for (const shard of shards) for (const stem of shard.stemsBegun(word)) take(shard, stem);
      }
    }
    const shard = await load(first);
    const own = shard.stemOf(word);
    if (own >= 0 && !stems.some(([s, n]) => s === shard && n === own)) take(shard, own);
    if (stems.length === 0) {
      // A form the site never uses: the longest stem that begins it, in
      // its shard or, when the stem's words come before the shard, in the
      // one before.
      const min = Math.max(3, Math.ceil(word.length / 2));
      for (const n of first > 0 ? [first, first - 1] : [first]) {
        const candidate = n === first ? shard : await load(n);
        const stem = candidate.stemBeginning(word, min);
        if (stem >= 0) {
          take(candidate, stem);
          break;
        }
      }
    }
    return { stems, marks };
  }

  /**
   * Documents holding every query word (AND), best first: more query words
   * in the title, then more matching stems, then the lower number (the
   * newest). Returns null for a query without a word that counts, else
   * { docs, marks } where marks are the folded words of the site found, to
   * highlight.
   */
  async function search(meta, load, query) {
    const words = queryWords(query, meta.stopSet || new Set(meta.stop));
    if (words.length === 0) return null;
    const matches = await Promise.all(words.map((word) => matchWord(meta, load, word)));
    const total = meta.docs;
    const matched = new Uint32Array(total);
    const hits = new Uint32Array(total);
    const inTitle = new Uint32Array(total);
    const titled = new Uint32Array(total);
    matches.forEach(({ stems }, w) => {
      for (const [shard, stem] of stems) {
        const [docs, titles] = shard.postings(stem);
        for (const doc of docs) {
          if (matched[doc] === w) matched[doc] = w + 1; // every earlier word matched it
          if (matched[doc] === w + 1) hits[doc]++;
        }
        for (const doc of titles) {
          if (titled[doc] !== w + 1) {
            titled[doc] = w + 1;
            inTitle[doc]++;
          }
        }
      }
    });
    const found = [];
    for (let doc = 0; doc < total; doc++) if (matched[doc] === words.length) found.push(doc);
    // Stable: equals stay in document order, newest first.
    found.sort((a, b) => inTitle[b] - inTitle[a] || hits[b] - hits[a]);
    const marks = new Set();
    for (const match of matches) for (const w of match.marks) marks.add(w);
    return { docs: found, marks };
  }

  const TOKEN = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;

  /**
   * `text` as [[part, marked], ...], the words of `marks` (folded) marked.
   * With `length`, only an excerpt of about that many characters: from a
   * little before the first word marked (or from the start if none is),
   * cut at spaces, an ellipsis where text is left out.
   */
  function highlight(text, marks, length) {
    const found = [];
    for (const m of text.matchAll(TOKEN)) {
      if (foldWords(m[0]).some((w) => marks.has(w))) found.push([m.index, m.index + m[0].length]);
    }
    let start = 0;
    let end = text.length;
    if (length && text.length > length) {
      const first = found.length ? found[0][0] : 0;
      if (first > BEFORE_MATCH) start = Math.min(first, text.indexOf(' ', first - BEFORE_MATCH) + 1);
      end = Math.min(text.length, start + length);
      const space = text.lastIndexOf(' ', end);
      if (end < text.length && space > first) end = space;
    }
    const parts = start > 0 ? [['…', false]] : [];
    let at = start;
    for (const [from, to] of found) {
      if (from < at || to > end) continue;
      if (from > at) parts.push([text.slice(at, from), false]);
      parts.push([text.slice(from, to), true]);
      at = to;
    }
    if (at < end) parts.push([text.slice(at, end), false]);
    if (end < text.length) parts.push(['…', false]);
    return parts;
  }

  globalThis.passerelleSearch = {
    FOLD, fold, foldWords, isTerm, decodePostings, shardOf, makeShard, queryWords, search, highlight,
  };

  // ---------------------------------------------------------------------
  // The page
  // ---------------------------------------------------------------------

  if (typeof document === 'undefined') return;
  const form = document.querySelector('form[data-index]');
  if (!form || !('fetch' in window) || !('URLSearchParams' in window)) return;

  const input = form.querySelector('input[name="q"]');
  const status = document.querySelector('[data-search-status]');
  const list = document.querySelector('[data-search-results]');
  const more = document.querySelector('[data-search-more]');
  const fallback = document.querySelector('[data-search-fallback]');
  if (!input || !status || !list) return;

  const lang = document.documentElement.lang || 'en';
  const text = (name) => form.dataset[name] || '';
  let plurals = null;
  let dates = null;
  try {
    plurals = new Intl.PluralRules(lang);
    dates = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  } catch (_) {
    // Unknown language for Intl: English plural choice, ISO dates.
  }

  const metaUrl = new URL(form.dataset.index, window.location.href);
  let meta = null;
  let failed = false;
  let found = null;
  let shown = 0;
  let timer = 0;
  let announceTimer = 0;
  // Increases with every query: the answer to an older one is dropped.
  let generation = 0;
  // Files fetched, by URL: each is fetched once per visit.
  const files = new Map();

  form.hidden = false;
  if (fallback) fallback.hidden = true;

  function fetchJson(path) {
    const url = new URL(path, metaUrl);
    if (meta) url.searchParams.set('v', meta.v);
    const key = url.href;
    if (!files.has(key)) {
      const promise = window.fetch(url, { credentials: 'same-origin' }).then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url.pathname);
        return response.json();
      });
      promise.catch(() => files.delete(key));
      files.set(key, promise);
    }
    return files.get(key);
  }

  const shards = new Map();
  function loadShard(n) {
    if (!shards.has(n)) {
      shards.set(n, fetchJson('terms/' + n + '.json').then((data) => makeShard(data, meta.docs)));
      shards.get(n).catch(() => shards.delete(n));
    }
    return shards.get(n);
  }

  function countText(n) {
    if (n === 0 && text('resultsNone')) return text('resultsNone');
    const category = plurals ? plurals.select(n) : n === 1 ? 'one' : 'other';
    const key = 'results' + category[0].toUpperCase() + category.slice(1);
    return (text(key) || text('resultsOther')).replace('{count}', n.toLocaleString(lang));
  }

  /** "6 février 2026"; French writes the first of the month "1er". */
  function formatDate(day) {
    return dates
      .formatToParts(day)
      .map((part) => (part.type === 'day' && part.value === '1' && lang.startsWith('fr') ? '1er' : part.value))
      .join('');
  }

  function element(name, className, content) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  /** Appends [[part, marked], ...] to `node`, marked parts in <mark>. */
  function appendParts(node, parts) {
    for (const [part, marked] of parts) node.append(marked ? element('mark', '', part) : part);
  }

  function resultItem(row) {
    const [path, title, kind, date, body] = row;
    const kindName = meta.kinds[kind];
    const item = element('li', 'card card--' + kindName);
    const heading = element('h2', 'card__title');
    const link = element('a');
    link.href = meta.prefix + path;
    appendParts(link, highlight(title, found.marks, 0));
    heading.append(link);
    const metaLine = element('p', 'card__meta');
    const kindKey = 'kind' + kindName[0].toUpperCase() + kindName.slice(1);
    metaLine.append(element('span', 'card__type', text(kindKey) || kindName));
    if (date) {
      const time = element('time', '', date);
      time.dateTime = date;
      const day = new Date(date + 'T00:00:00Z');
      if (dates && !Number.isNaN(day.getTime())) time.textContent = formatDate(day);
      metaLine.append(' ', time);
    }
    item.append(heading, metaLine);
    if (body) {
      const excerpt = element('p', 'card__summary search-excerpt');
      appendParts(excerpt, highlight(body, found.marks, EXCERPT));
      item.append(excerpt);
    }
    return item;
  }

  /**
   * Shows the next PAGE results, each as soon as the page of documents
   * holding it (and those of the results before it) has arrived: the pages
   * are all fetched at once.
   */
  function showMore(focus) {
    const asked = generation;
    const first = shown;
    const end = Math.min(found.docs.length, shown + PAGE);
    const docs = found.docs.slice(first, end);
    shown = end;
    if (more) more.hidden = true;
    const pages = docs.map((doc) => fetchJson('docs/' + Math.floor(doc / meta.page) + '.json'));
    let chain = Promise.resolve();
    docs.forEach((doc, k) => {
      chain = chain
        .then(() => pages[k])
        .then((rows) => {
          if (asked !== generation) return;
          list.append(resultItem(rows[doc % meta.page]));
          list.hidden = false;
          if (focus && k === 0) list.lastElementChild.querySelector('a').focus();
        });
    });
    return chain.then(() => {
      if (asked === generation && more) more.hidden = shown >= found.docs.length;
    });
  }

  /**
   * Writes the status region, which screen readers announce. While typing,
   * the count waits for a pause so that it is not read after every key.
   */
  function setStatus(message, delay = 0) {
    window.clearTimeout(announceTimer);
    const write = () => {
      if (status.textContent !== message) status.textContent = message;
    };
    if (delay) announceTimer = window.setTimeout(write, delay);
    else write();
  }

  function fail() {
    failed = true;
    list.replaceChildren();
    list.hidden = true;
    if (more) more.hidden = true;
    setStatus(text('error'));
    if (fallback) fallback.hidden = false;
  }

  function clear() {
    list.replaceChildren();
    list.hidden = true;
    if (more) more.hidden = true;
    found = null;
    shown = 0;
  }

  function render(typing = false) {
    const query = input.value;
    const asked = ++generation;
    if (failed) return;
    if (!query.trim()) {
      clear();
      setStatus('');
      return;
    }
    if (!meta) {
      clear();
      setStatus(text('loading'));
      return;
    }
    search(meta, loadShard, query)
      .then((answer) => {
        if (asked !== generation) return null;
        clear();
        if (answer === null) {
          setStatus(text('tooShort'), typing ? ANNOUNCE_DELAY : 0);
          return null;
        }
        found = answer;
        setStatus(countText(found.docs.length), typing ? ANNOUNCE_DELAY : 0);
        return showMore(false);
      })
      .catch(fail);
  }

  /** Keeps the query in the address: replace while typing, push on submit. */
  function remember(push) {
    const url = new URL(window.location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    if (url.href === window.location.href) return;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  function fromAddress() {
    input.value = new URLSearchParams(window.location.search).get('q') || '';
    render();
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      render(true);
      remember(false);
    }, TYPING_DELAY);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    render();
    remember(true);
  });
  if (more) more.addEventListener('click', () => showMore(true).catch(fail));
  window.addEventListener('popstate', fromAddress);
  fromAddress();

  fetchJson(metaUrl.href)
    .then((data) => {
      if (!data || data.version !== 2) throw new Error('unknown index format');
      data.stopSet = new Set(data.stop);
      meta = data;
      render();
    })
    .catch(fail);
})();
