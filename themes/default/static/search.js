/* Search page of the passerelle default theme.
 *
 * Plain script, no dependency, no build step. It loads only the index of the
 * page's language, from the site itself (the form's data-index attribute,
 * e.g. /fr/search.json), and everything it shows comes from that index and
 * from the form's data-* attributes, which the template translates.
 *
 * The index format is documented at the top of src/search.rs. FOLD, fold()
 * and isTerm() below repeat src/search.rs: KEEP THEM IN SYNC. The FOLD
 * strings must be identical, and tests/browser/search_fold.test.mjs checks
 * that, and runs the table of cases that the Rust test of `fold` also
 * asserts.
 *
 * In Node (tests), only the pure functions are defined, on
 * globalThis.passerelleSearch; the page code runs only where there is a
 * document holding the search form.
 */
(function () {
  'use strict';

  // Characters folded after lowercasing, as `characters=replacement` groups.
  // KEEP IN SYNC with FOLD in src/search.rs (identical string).
  const FOLD = 'àáâãäåāăą=a æ=ae çćĉċč=c ďđð=d èéêëēĕėęě=e ĝğġģ=g ĥħ=h ìíîïĩīĭįı=i ĳ=ij ĵ=j ķ=k ĺļľŀł=l ' +
    'ñńņňŉ=n òóôõöøōŏő=o œ=oe ŕŗř=r śŝşšș=s ß=ss ţťŧț=t þ=th ùúûüũūŭůűų=u ŵ=w ýÿŷ=y źżž=z ς=σ';

  // The term rules of src/search.rs (MIN_TERM, MAX_TERM, four-digit numbers).
  const MIN_TERM = 2;
  const MAX_TERM = 30;
  // How many results are shown at first and added by the "more" button.
  const PAGE = 50;
  // Milliseconds: results follow typing after a short pause, the spoken
  // count after a longer one.
  const TYPING_DELAY = 150;
  const ANNOUNCE_DELAY = 700;

  const FOLDED = new Map();
  for (const group of FOLD.split(' ')) {
    const [chars, ascii] = group.split('=');
    for (const c of chars) FOLDED.set(c, ascii);
  }
  const ASCII_WORD = /[0-9A-Za-z]/;
  const WORD = /[\p{Alphabetic}\p{N}]/u; // Rust's char::is_alphanumeric
  const COMBINING = /[\u0300-\u036f]/;

  /** The words of fold(text), as src/search.rs `fold_words` finds them. */
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

  /** Whether a folded word is indexed: src/search.rs `is_term`. */
  function isTerm(word, stop) {
    const chars = [...word].length;
    return chars >= MIN_TERM && chars <= MAX_TERM && (chars === 4 || !/^[0-9]+$/.test(word)) && !stop.has(word);
  }

  const DIGIT = new Map([...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'].map((c, i) => [c, i]));

  /** The document numbers of one posting list (format in src/search.rs). */
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

  /** Wraps the parsed search.json with the lookups a query needs. */
  function makeIndex(data) {
    const total = data.docs.length;
    const stop = new Set(data.stop);
    const decoded = new Map();
    const titles = new Map();
    return {
      data,
      stop,
      /** Term numbers matching a query word: itself, or every term it starts. */
      terms(word, prefix) {
        const first = lowerBound(data.terms, word);
        if (!prefix) return data.terms[first] === word ? [first] : [];
        const found = [];
        for (let i = first; i < data.terms.length && data.terms[i].startsWith(word); i++) found.push(i);
        return found;
      },
      postings(term) {
        if (!decoded.has(term)) decoded.set(term, decodePostings(data.postings[term], total));
        return decoded.get(term);
      },
      titleWords(doc) {
        if (!titles.has(doc)) titles.set(doc, foldWords(data.docs[doc][1]));
        return titles.get(doc);
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
   * Documents holding every query word (AND), best first: more query words
   * in the title, then more matching terms, then the newest, then index order.
   */
  function search(index, query) {
    const words = queryWords(query, index.stop);
    if (words.length === 0) return null;
    const total = index.data.docs.length;
    const matched = new Uint32Array(total);
    const hits = new Uint32Array(total);
    words.forEach(({ word, prefix }, w) => {
      for (const term of index.terms(word, prefix)) {
        for (const doc of index.postings(term)) {
          if (matched[doc] === w) matched[doc] = w + 1; // every earlier word matched it
          if (matched[doc] === w + 1) hits[doc]++;
        }
      }
    });
    const results = [];
    for (let doc = 0; doc < total; doc++) {
      if (matched[doc] !== words.length) continue;
      const title = index.titleWords(doc);
      const inTitle = words.filter(({ word, prefix }) =>
        title.some((t) => (prefix ? t.startsWith(word) : t === word))).length;
      results.push({ doc, inTitle, hits: hits[doc], date: index.data.docs[doc][3] });
    }
    results.sort((a, b) => b.inTitle - a.inTitle || b.hits - a.hits ||
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.doc - b.doc);
    return results.map((r) => r.doc);
  }

  globalThis.passerelleSearch = { FOLD, fold, foldWords, isTerm, decodePostings, makeIndex, queryWords, search };

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

  let index = null;
  let failed = false;
  let results = [];
  let shown = 0;
  let timer = 0;
  let announceTimer = 0;

  form.hidden = false;
  if (fallback) fallback.hidden = true;

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

  function resultItem(doc) {
    const [path, title, kind, date, summary] = index.data.docs[doc];
    const kindName = index.data.kinds[kind];
    const item = element('li', 'card card--' + kindName);
    const heading = element('h2', 'card__title');
    const link = element('a', '', title);
    link.href = index.data.prefix + path;
    heading.append(link);
    const meta = element('p', 'card__meta');
    const kindKey = 'kind' + kindName[0].toUpperCase() + kindName.slice(1);
    meta.append(element('span', 'card__type', text(kindKey) || kindName));
    if (date) {
      const time = element('time', '', date);
      time.dateTime = date;
      const day = new Date(date + 'T00:00:00Z');
      if (dates && !Number.isNaN(day.getTime())) time.textContent = formatDate(day);
      meta.append(' ', time);
    }
    item.append(heading, meta);
    if (summary) item.append(element('p', 'card__summary', summary));
    return item;
  }

  function showMore(focus) {
    const first = shown;
    const end = Math.min(results.length, shown + PAGE);
    const fragment = document.createDocumentFragment();
    for (; shown < end; shown++) fragment.append(resultItem(results[shown]));
    list.append(fragment);
    if (more) more.hidden = shown >= results.length;
    if (focus && list.children[first]) list.children[first].querySelector('a').focus();
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

  function render(typing = false) {
    const query = input.value;
    list.replaceChildren();
    list.hidden = true;
    if (more) more.hidden = true;
    results = [];
    shown = 0;
    if (failed) return;
    if (!query.trim()) {
      setStatus('');
      return;
    }
    if (!index) {
      setStatus(text('loading'));
      return;
    }
    const found = search(index, query);
    if (found === null) {
      setStatus(text('tooShort'), typing ? ANNOUNCE_DELAY : 0);
      return;
    }
    results = found;
    setStatus(countText(results.length), typing ? ANNOUNCE_DELAY : 0);
    list.hidden = results.length === 0;
    showMore(false);
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
  if (more) more.addEventListener('click', () => showMore(true));
  window.addEventListener('popstate', fromAddress);
  fromAddress();

  window
    .fetch(form.dataset.index, { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then((data) => {
      if (!data || data.version !== 1) throw new Error('unknown index format');
      index = makeIndex(data);
      render();
    })
    .catch(() => {
      failed = true;
      render();
      setStatus(text('error'));
      if (fallback) fallback.hidden = false;
    });
})();
