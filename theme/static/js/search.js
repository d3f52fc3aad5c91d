/* Clippings search: runs in the browser on the index built by clippings/publish/searchindex.py.
 *
 * Works from file:// and any static server: the index is plain .js files, each one call to
 * ClippingsSearch.<kind>(data), added as <script src> only when a query needs them (browsers
 * refuse fetch, modules and wasm from file://). Data from the archive only ever reaches the page
 * as text (textContent, createElement), never as markup.
 *
 * A keystroke must show its results at once, so nothing it draws may wait for a file: the result
 * cards (title, link, date, source) of every article load with the page, and the results are drawn
 * from them as soon as a query is ranked; each snippet fills in when its article's text arrives.
 *
 * words(), stem() and titleSlug() repeat searchindex.py rule for rule; tests/test_search.py checks
 * they agree.
 */
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var MIN_LENGTH = 2;
  var MAX_LENGTH = 40;
  var PREFIX_MIN = 3; // a shorter last word is matched whole, or it would load half the index
  var PREFIX_FACTOR = 0.8; // a word that only starts like the one typed counts a little less
  var PAGE_SIZE = 20;
  var SNIPPET = 220; // characters
  var FILTERS = ["person", "place", "source", "year"];
  var TOKEN = /(?<![\p{L}\p{N}])(?:[\p{L}\p{Nl}\p{No}]\.){2,}|[\p{L}\p{N}]+/gu;
  var WORD = /[\p{L}\p{N}]+/gu;
  var MARKS = /\p{Mn}/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var ASCII_LETTERS = /^[a-z]+$/;
  var UNDOUBLE = "bgmnprt";

  var DIGITS = new Int8Array(128).fill(-1);
  for (var i = 0; i < ALPHABET.length; i++) DIGITS[ALPHABET.charCodeAt(i)] = i;

  /* ---- words, as the index has them ---- */

  var normalCache = new Map();

  function codePoints(s) {
    return ASCII.test(s) ? s.length : Array.from(s).length;
  }

  function normalised(raw) {
    var cached = normalCache.get(raw);
    if (cached) return cached;
    var word = raw.replace(/\./g, "").toLowerCase();
    var parts;
    if (ASCII.test(word)) {
      parts = [word];
    } else {
      var folded = word.normalize("NFKD").replace(MARKS, "");
      parts = folded.replace(/ß/g, "ss").replace(/ς/g, "σ").match(WORD) || [];
    }
    var out = parts.filter(function (p) {
      var n = codePoints(p);
      return n >= MIN_LENGTH && n <= MAX_LENGTH;
    });
    if (normalCache.size > 50000) normalCache.clear();
    normalCache.set(raw, out);
    return out;
  }

  function words(text) {
    var out = [];
    for (var m of text.normalize("NFC").matchAll(TOKEN)) out.push.apply(out, normalised(m[0]));
    return out;
  }

  function hasVowel(s) {
    return /[aeiouy]/.test(s);
  }

  function undouble(s) {
    var n = s.length;
    return n >= 3 && s[n - 1] === s[n - 2] && UNDOUBLE.indexOf(s[n - 1]) >= 0 ? s.slice(0, -1) : s;
  }

  function stem(word) {
    if (word.length <= 3 || !ASCII_LETTERS.test(word)) return word;
    if (word.endsWith("ies") && word.length > 4) word = word.slice(0, -3) + "y";
    else if (/(sses|ches|shes|xes|zes)$/.test(word)) word = word.slice(0, -2);
    else if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    if (word.endsWith("ied") && word.length > 4) word = word.slice(0, -3) + "y";
    else if (word.endsWith("ing") && word.length >= 6 && hasVowel(word.slice(0, -3))) {
      word = undouble(word.slice(0, -3));
    } else if (word.endsWith("ed") && word.length >= 5 && hasVowel(word.slice(0, -2))) {
      word = undouble(word.slice(0, -2));
    }
    if (word.endsWith("e") && word.length >= 4) word = word.slice(0, -1);
    return word;
  }

  /* searchindex.title_slug: a file name often starts with it, so cards only count its length. */
  function titleSlug(title) {
    return title
      .replace(/[A-Z]+/g, function (s) { return s.toLowerCase(); })
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  /* ---- the index files ---- */

  var startWhenReady = function () {};

  var state = {
    manifest: null,
    keys: [], // shard keys, sorted
    longestKey: 0,
    shards: new Map(), // key → {terms: Map(term → postings string), sorted: [terms]}
    cards: new Map(), // card file number → its columns (see searchindex.card_columns)
    docs: new Map(), // doc id → [deck, text]
    facets: new Map(), // kind → Map(id → encoded ids)
    decoded: new Map(), // term → {ids, weights}
    masks: new Map(), // kind + ":" + id → Uint8Array
    loading: new Map(), // path → Promise
    base: "search/",
  };

  var api = {
    manifest: function (data) {
      state.manifest = data;
      state.keys = Object.keys(data.shards).sort();
      state.longestKey = state.keys.reduce(function (n, k) {
        return Math.max(n, codePoints(k));
      }, 0);
      startWhenReady();
    },
    shard: function (key, terms) {
      state.shards.set(key, { terms: new Map(Object.entries(terms)), sorted: null });
    },
    cards: function (first, columns) {
      state.cards.set(Math.floor(first / state.manifest.cardsPerFile), columns);
    },
    docs: function (first, rows) {
      rows.forEach(function (row, i) {
        state.docs.set(first + i, row);
      });
    },
    facet: function (kind, lists) {
      state.facets.set(kind, new Map(Object.entries(lists)));
    },
    words: words,
    stem: stem,
    titleSlug: titleSlug,
    loaded: function () {
      return Array.from(state.loading.keys()).sort();
    },
  };
  window.ClippingsSearch = api;

  function load(path) {
    if (state.loading.has(path)) return state.loading.get(path);
    var promise = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = state.base + path;
      script.async = true;
      script.onload = function () {
        resolve();
      };
      script.onerror = function () {
        state.loading.delete(path);
        reject(new Error("could not load " + path));
      };
      document.head.appendChild(script);
    });
    state.loading.set(path, promise);
    return promise;
  }

  function hex(key) {
    return Array.from(new TextEncoder().encode(key), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  function shardPath(key) {
    return "t/" + hex(key) + ".js";
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* The shard a term lives in: the longest key that starts it. */
  function keyFor(term) {
    var chars = Array.from(term);
    for (var n = Math.min(chars.length, state.longestKey); n >= 1; n--) {
      var key = chars.slice(0, n).join("");
      if (has(state.manifest.shards, key)) return key;
    }
    return null;
  }

  /* Every shard that may hold a term starting with prefix. */
  function keysUnder(prefix) {
    var keys = [];
    var own = keyFor(prefix);
    if (own !== null) keys.push(own);
    var at = lowerBound(state.keys, prefix);
    for (; at < state.keys.length && state.keys[at].startsWith(prefix); at++) {
      if (state.keys[at] !== own) keys.push(state.keys[at]);
    }
    return keys;
  }

  function lowerBound(sorted, value) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function decode(term, encoded) {
    var cached = state.decoded.get(term);
    if (cached) return cached;
    var result = readIds(encoded, true);
    state.decoded.set(term, result);
    return result;
  }

  function decodeIds(encoded) {
    return readIds(encoded, false).ids;
  }

  // Ids are stored as gaps, each a base-32 number whose leading digits carry 32; in postings
  // every id is followed by one weight digit.
  function readIds(encoded, withWeights) {
    var ids = [];
    var weights = [];
    var previous = -1;
    var value = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = DIGITS[encoded.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + (digit - 32);
        continue;
      }
      previous += value * 32 + digit + 1;
      value = 0;
      ids.push(previous);
      if (withWeights) {
        i++;
        weights.push(DIGITS[encoded.charCodeAt(i)]);
      }
    }
    return { ids: ids, weights: weights };
  }

  function cardPath(id) {
    return "c/" + Math.floor(id / state.manifest.cardsPerFile) + ".js";
  }

  function docPath(id) {
    return "d/" + Math.floor(id / state.manifest.docsPerFile) + ".js";
  }

  /* A result card: {title, url (from the site root), date, source}. */
  function card(id) {
    var per = state.manifest.cardsPerFile;
    var columns = state.cards.get(Math.floor(id / per));
    var at = id % per;
    var url = state.manifest.urls[columns.url[at]];
    var title = columns.title[at];
    var name = titleSlug(title).slice(0, columns.slug[at]) + columns.name[at];
    return {
      title: title,
      url: url[0] + name + url[1],
      date: columns.date[at],
      source: state.manifest.sources[columns.source[at]],
    };
  }

  /* ---- queries ---- */

  /* The query's words: each must match; the last one, if still being typed, also as a prefix. */
  function parseQuery(text) {
    text = text.normalize("NFC");
    var tokens = [];
    var seen = new Set();
    var end = 0;
    for (var m of text.matchAll(TOKEN)) {
      normalised(m[0]).forEach(function (word) {
        tokens.push({ word: word, stem: stem(word), prefix: null });
      });
      end = m.index + m[0].length;
    }
    if (tokens.length && end === text.length) {
      var last = tokens[tokens.length - 1];
      if (codePoints(last.word) >= PREFIX_MIN) last.prefix = last.word;
    }
    return tokens.filter(function (t) {
      var id = t.stem + "\u0000" + (t.prefix || "");
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  function neededFiles(tokens, filters) {
    var paths = new Set();
    tokens.forEach(function (t) {
      var key = keyFor(t.stem);
      if (key !== null) paths.add(shardPath(key));
      if (t.prefix) {
        keysUnder(t.prefix).forEach(function (k) {
          paths.add(shardPath(k));
        });
      }
    });
    Object.keys(filters).forEach(function (kind) {
      if (has(state.manifest.facets, kind)) paths.add("f/" + kind + ".js");
    });
    return Array.from(paths).sort();
  }

  function sortedTerms(shard) {
    if (!shard.sorted) shard.sorted = Array.from(shard.terms.keys()).sort();
    return shard.sorted;
  }

  /* Per document, the best weight of any index term this query word stands for. */
  function tokenScores(token, total) {
    var scores = new Float64Array(total);
    function add(term, encoded, factor) {
      var postings = decode(term, encoded);
      var df = postings.ids.length;
      var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      for (var i = 0; i < df; i++) {
        var s = idf * postings.weights[i] * factor;
        var id = postings.ids[i];
        if (s > scores[id]) scores[id] = s;
      }
    }
    var key = keyFor(token.stem);
    var shard = key === null ? null : state.shards.get(key);
    if (shard && shard.terms.has(token.stem)) add(token.stem, shard.terms.get(token.stem), 1);
    if (token.prefix) {
      keysUnder(token.prefix).forEach(function (k) {
        var s = state.shards.get(k);
        if (!s) return;
        var sorted = sortedTerms(s);
        for (var at = lowerBound(sorted, token.prefix); at < sorted.length; at++) {
          var term = sorted[at];
          if (!term.startsWith(token.prefix)) break;
          if (term !== token.stem) add(term, s.terms.get(term), PREFIX_FACTOR);
        }
      });
    }
    return scores;
  }

  function filterMask(kind, id, total) {
    var name = kind + ":" + id;
    if (state.masks.has(name)) return state.masks.get(name);
    var mask = new Uint8Array(total);
    var lists = state.facets.get(kind);
    if (lists && lists.has(id)) {
      decodeIds(lists.get(id)).forEach(function (doc) {
        mask[doc] = 1;
      });
    }
    state.masks.set(name, mask);
    return mask;
  }

  /* Matching document ids, best first; equal scores newest first (ids are newest first). */
  function rank(tokens, filters) {
    var total = state.manifest.docs;
    var sums = new Float64Array(total);
    var hits = new Uint8Array(total);
    tokens.forEach(function (token) {
      var scores = tokenScores(token, total);
      for (var id = 0; id < total; id++) {
        if (scores[id] > 0) {
          hits[id]++;
          sums[id] += scores[id];
        }
      }
    });
    var masks = Object.keys(filters).map(function (kind) {
      return filterMask(kind, filters[kind], total);
    });
    var results = [];
    for (var id = 0; id < total; id++) {
      if (hits[id] !== tokens.length) continue;
      if (masks.some(function (mask) { return !mask[id]; })) continue;
      results.push(id);
    }
    results.sort(function (a, b) {
      return sums[b] - sums[a] || a - b;
    });
    return results;
  }

  /* ---- showing results ---- */

  /* raw word → the index of the query word it matches, or -1. */
  function matcher(tokens) {
    var known = new Map(); // a text repeats its words: decide each once
    return function (raw) {
      var which = known.get(raw);
      if (which !== undefined) return which;
      which = -1;
      normalised(raw).forEach(function (word) {
        var s = stem(word);
        tokens.forEach(function (t, i) {
          if (which >= 0) return;
          var p = t.prefix;
          if (s === t.stem || (p && (word.startsWith(p) || s.startsWith(p)))) which = i;
        });
      });
      known.set(raw, which);
      return which;
    };
  }

  /* Text as nodes, every matching word in a <mark>. */
  function marked(text, whichToken, from, to) {
    var fragment = document.createDocumentFragment();
    var at = from;
    for (var m of text.slice(from, to).matchAll(TOKEN)) {
      if (whichToken(m[0]) < 0) continue;
      var start = from + m.index;
      if (start > at) fragment.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      fragment.appendChild(mark);
      at = start + m[0].length;
    }
    if (to > at) fragment.appendChild(document.createTextNode(text.slice(at, to)));
    return fragment;
  }

  /* Where the text best shows the query: the first stretch with the most distinct query words. */
  function snippetRange(text, wanted, whichToken) {
    var hits = [];
    var best = -1;
    var reach = SNIPPET - 40;
    for (var m of text.matchAll(TOKEN)) {
      var token = whichToken(m[0]);
      if (token < 0) continue;
      hits.push({ start: m.index, token: token });
      var inside = new Set();
      var j = hits.length - 1;
      for (; j >= 0 && hits[j].start > m.index - reach; j--) inside.add(hits[j].token);
      if (inside.size === wanted) {
        best = hits[j + 1].start;
        break;
      }
      if (hits.length >= 300) break;
    }
    if (!hits.length) return null;
    if (best < 0) {
      var bestCount = 0;
      hits.forEach(function (hit, i) {
        var inside = new Set();
        for (var k = i; k < hits.length && hits[k].start < hit.start + reach; k++) {
          inside.add(hits[k].token);
        }
        if (inside.size > bestCount) {
          bestCount = inside.size;
          best = hit.start;
        }
      });
    }
    var start = Math.max(0, best - 60);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < best ? space + 1 : best;
    }
    return wordRange(text, start);
  }

  function wordRange(text, start) {
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      if (space > start) end = space;
    }
    return [start, end];
  }

  /* Fill a snippet placeholder from its document's [deck, text]. */
  function fillSnippet(p, row, tokens, whichToken) {
    var text = row[1] || "";
    var range = tokens.length ? snippetRange(text, tokens.length, whichToken) : null;
    if (!range && row[0]) {
      text = row[0];
      range = wordRange(text, 0);
    } else if (!range) {
      range = wordRange(text, 0);
    }
    if (range[0] > 0) p.appendChild(document.createTextNode("… "));
    p.appendChild(marked(text, whichToken, range[0], range[1]));
    if (range[1] < text.length) p.appendChild(document.createTextNode(" …"));
    p.classList.remove("pending");
  }

  /* A result from its card alone; its snippet is an empty placeholder until its text loads. */
  function resultItem(id, whichToken, root) {
    var c = card(id);
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.className = "title";
    link.href = root + c.url;
    link.appendChild(marked(c.title, whichToken, 0, c.title.length));
    li.appendChild(link);
    var meta = [c.date, c.source].filter(Boolean).join(" · ");
    if (meta) {
      var p = document.createElement("p");
      p.className = "meta";
      p.textContent = meta;
      li.appendChild(p);
    }
    var snippet = document.createElement("p");
    snippet.className = "snippet pending";
    li.appendChild(snippet);
    return li;
  }

  /* ---- the page ---- */

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var more = document.getElementById("search-more");
    if (!form || !input || !list || !status) return;
    state.base = form.getAttribute("data-index") || "search/";
    var root = form.getAttribute("data-root") || "";
    var selects = {};
    FILTERS.forEach(function (kind) {
      selects[kind] = document.getElementById("search-" + kind);
    });
    if (!state.manifest) {
      status.textContent = "The search index is missing: build the site again to make it.";
      return;
    }

    var current = { seq: 0, tokens: [], results: [], shown: 0, whichToken: null };

    function filters() {
      var chosen = {};
      FILTERS.forEach(function (kind) {
        if (selects[kind] && selects[kind].value) chosen[kind] = selects[kind].value;
      });
      return chosen;
    }

    function say(text) {
      status.textContent = text;
    }

    function count(n) {
      return n === 0 ? "No results" : n === 1 ? "1 result" : n + " results";
    }

    function search() {
      var seq = ++current.seq;
      var tokens = parseQuery(input.value);
      var chosen = filters();
      if (!tokens.length && !Object.keys(chosen).length) {
        list.replaceChildren();
        more.hidden = true;
        list.setAttribute("aria-busy", "false");
        say("");
        return Promise.resolve();
      }
      list.setAttribute("aria-busy", "true");
      var began = performance.now();
      return Promise.all(neededFiles(tokens, chosen).map(load))
        .then(function () {
          if (seq !== current.seq) return null;
          var loaded = performance.now();
          current.tokens = tokens;
          current.results = rank(tokens, chosen);
          api.timings = { index: loaded - began, rank: performance.now() - loaded };
          current.shown = 0;
          current.whichToken = matcher(tokens);
          return showMore(seq, false);
        })
        .catch(function (error) {
          if (seq !== current.seq) return;
          list.setAttribute("aria-busy", "false");
          say("The search index could not be loaded (" + error.message + ").");
        });
    }

    /* The next page of results, drawn from the cards (in memory once the page has loaded). */
    function showMore(seq, focusFirstNew) {
      var ids = current.results.slice(current.shown, current.shown + PAGE_SIZE);
      var files = new Set(ids.map(cardPath));
      var began = performance.now();
      return Promise.all(Array.from(files).sort().map(load)).then(function () {
        if (seq !== current.seq) return;
        var loaded = performance.now();
        var items = ids.map(function (id) {
          return resultItem(id, current.whichToken, root);
        });
        if (current.shown === 0) list.replaceChildren.apply(list, items);
        else items.forEach(function (item) { list.appendChild(item); });
        current.shown += ids.length;
        var total = current.results.length;
        more.hidden = current.shown >= total;
        more.textContent = "More results (" + current.shown + " of " + total + " shown)";
        list.setAttribute("aria-busy", "false");
        say(count(total));
        if (api.timings) {
          api.timings.cards = loaded - began;
          api.timings.render = performance.now() - loaded;
        }
        if (focusFirstNew && items.length) items[0].querySelector("a").focus();
        fillSnippets(seq, ids, items);
      });
    }

    /* Each snippet as soon as its document file is in; a newer query drops the older fills. */
    function fillSnippets(seq, ids, items) {
      var waiting = new Map(); // document file → indexes into ids
      ids.forEach(function (id, i) {
        var path = docPath(id);
        if (!waiting.has(path)) waiting.set(path, []);
        waiting.get(path).push(i);
      });
      var tokens = current.tokens;
      var whichToken = current.whichToken;
      Array.from(waiting.keys()).sort().forEach(function (path) {
        load(path).then(function () {
          if (seq !== current.seq) return;
          waiting.get(path).forEach(function (i) {
            var p = items[i].querySelector(".snippet");
            fillSnippet(p, state.docs.get(ids[i]), tokens, whichToken);
          });
        }, function () {
          if (seq !== current.seq) return;
          waiting.get(path).forEach(function (i) {
            var p = items[i].querySelector(".snippet");
            p.textContent = "(No extract: this article's text could not be loaded.)";
            p.classList.remove("pending");
          });
        });
      });
    }

    /* Every card file, from the start: a keystroke then never waits for one. */
    function loadCards() {
      for (var n = 0; n < state.manifest.cards.length; n++) {
        load("c/" + n + ".js").catch(function () {
          // Said when a result needs it: showMore's own load fails the same way.
        });
      }
    }

    var urlTimer = 0;
    function rememberInUrl() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(function () {
        var params = new URLSearchParams();
        if (input.value.trim()) params.set("q", input.value.trim());
        var chosen = filters();
        Object.keys(chosen).forEach(function (kind) { params.set(kind, chosen[kind]); });
        var query = params.toString();
        try {
          history.replaceState(null, "", query ? "?" + query : location.pathname);
        } catch (e) {
          // Some browsers refuse to change a file:// URL; the search itself works the same.
        }
      }, 400);
    }

    function links() {
      return Array.from(list.querySelectorAll("a"));
    }

    input.addEventListener("input", function () {
      search();
      rememberInUrl();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        input.value = "";
        search();
        rememberInUrl();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      search();
      rememberInUrl();
    });
    FILTERS.forEach(function (kind) {
      if (!selects[kind]) return;
      selects[kind].addEventListener("change", function () {
        search();
        rememberInUrl();
      });
    });
    list.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var next = at + (event.key === "ArrowDown" ? 1 : -1);
        if (next < 0) input.focus();
        else if (next < all.length) all[next].focus();
        else if (!more.hidden) more.focus();
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        all[event.key === "Home" ? 0 : all.length - 1].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        input.focus();
      }
    });
    more.addEventListener("click", function () {
      var seq = current.seq;
      showMore(seq, true).catch(function (error) {
        if (seq === current.seq) say("More results could not be loaded (" + error.message + ").");
      });
    });

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    FILTERS.forEach(function (kind) {
      var wanted = params.get(kind);
      if (!wanted || !selects[kind]) return;
      var known = Array.from(selects[kind].options).some(function (o) { return o.value === wanted; });
      if (known) selects[kind].value = wanted;
    });
    search();
    loadCards();
  }

  // Start once the page is parsed and the manifest is in (search/manifest.js runs right after
  // this file); at DOMContentLoaded in any case, to say so if the manifest never came.
  var started = false;
  function startOnce() {
    if (started) return;
    started = true;
    start();
  }
  startWhenReady = function () {
    if (document.readyState !== "loading") startOnce();
  };
  document.addEventListener("DOMContentLoaded", startOnce);
})();
