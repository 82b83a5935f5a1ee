'use strict';
// The saga explorer page: the list of sagas (GET api/sagas) and one saga's timeline (GET api/sagas/{orderId}).
// Every URL is relative to /console/, so the page works under any host and path prefix.
(() => {
  const API = '../api';
  const HAWTIO = '../actuator/hawtio';
  const PAGE_SIZE = 20;
  const REFRESH_MILLIS = 2000;
  const REPLAY_MAX = 10;
  const STATUSES = ['PENDING', 'CONFIRMED', 'CANCELLED'];
  // The route that runs each consumer (routes.inbox.InboxConsumer names), for the link to Hawtio.
  const CONSUMER_ROUTES = { 'notification': 'notification-send', 'order-view': 'order-view-update' };
  const KIND_LABELS = {
    'step': 'Step done',
    'retry': 'Retry',
    'compensation': 'Compensation',
    'event-published': 'Event published',
    'event-consumed': 'Event consumed',
    'dead-letter': 'Dead letter',
    'notice': 'Notice',
  };

  const byId = id => document.getElementById(id);
  const settings = { stuckAfterSeconds: null, camelContext: 'camel-saga-outbox' };
  const list = { status: 'PENDING', limit: PAGE_SIZE, token: null, previousTokens: [], generation: 0 };
  const detail = { orderId: null, timer: null, generation: 0 };

  // ---- HTTP --------------------------------------------------------------------------------------------

  /** Resolves to {ok, status, body}; a network failure or a non-JSON answer becomes a readable problem. */
  async function call(url, options) {
    let response;
    try {
      response = await fetch(url, Object.assign({ headers: { 'Accept': 'application/json, application/problem+json' } }, options));
    } catch (failure) {
      return { ok: false, status: 0, body: { title: 'The application did not answer', detail: String(failure) } };
    }
    let body = null;
    const text = await response.text();
    try {
      body = text ? JSON.parse(text) : null;
    } catch (notJson) {
      body = { title: `HTTP ${response.status}`, detail: text.slice(0, 200) };
    }
    return { ok: response.ok, status: response.status, body };
  }

  function problemText(answer) {
    const body = answer.body || {};
    const words = body.detail || body.title || `HTTP ${answer.status}`;
    return answer.status ? `${words} (${answer.status})` : words;
  }

  // ---- formatting --------------------------------------------------------------------------------------

  function humanAge(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return `${hours} h ${minutes % 60} min`;
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  }

  function offset(millis) {
    if (millis < 1000) return `+${Math.round(millis)} ms`;
    if (millis < 60000) return `+${(millis / 1000).toFixed(millis < 10000 ? 2 : 1)} s`;
    return `+${humanAge(millis / 1000)}`;
  }

  function localTime(iso) {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? String(iso) : at.toLocaleString();
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    children.filter(child => child !== null && child !== undefined)
      .forEach(child => node.append(child instanceof Node ? child : String(child)));
    return node;
  }

  function showError(id, message) {
    const box = byId(id);
    box.textContent = message || '';
    box.hidden = !message;
  }

  // ---- Hawtio ------------------------------------------------------------------------------------------

  /**
   * The route's node in Hawtio. Hawtio 5.2 opens a tree node from a link only in its JMX view (the nid query
   * parameter: the node's path with spaces removed, joined by '-', '-folder' for a node with children; a
   * route is one, its processors below it); the Camel tab then shows that route's diagram.
   */
  function hawtioRoute(routeId) {
    const node = ['org.apache.camel', 'Camel Contexts', settings.camelContext, 'routes', routeId]
      .map(part => part.replace(/\s/g, '')).join('-') + '-folder';
    return `${HAWTIO}/jmx/attributes?nid=${encodeURIComponent(node)}`;
  }

  function routeOf(entry) {
    const facts = factsOf(entry);
    if (facts.route) return facts.route;
    switch (entry.kind) {
      case 'step':
        return facts.status === 'FAILED' ? null : entry.name; // the failure is a note in the saga log, not a route
      case 'compensation':
      case 'retry':
        return entry.name;
      case 'event-published':
        return 'outbox-relay';
      case 'event-consumed':
      case 'dead-letter':
        return CONSUMER_ROUTES[facts.consumer] || null;
      case 'notice':
        return CONSUMER_ROUTES['notification'];
      default:
        return null;
    }
  }

  // ---- the list ----------------------------------------------------------------------------------------

  async function showList(status, token, previousTokens) {
    stopRefresh();
    detail.generation++; // a saga answer still in flight is dropped
    detail.orderId = null;
    list.status = STATUSES.includes(status) ? status : 'PENDING';
    list.token = token || null;
    list.previousTokens = previousTokens || [];
    byId('saga-detail').hidden = true;
    byId('saga-list').hidden = false;
    byId('status-filter').value = list.status;
    const section = byId('saga-list');
    section.dataset.state = 'loading';
    byId('list-state').textContent = 'Loading…';
    const query = new URLSearchParams({ status: list.status, limit: String(list.limit) });
    if (list.token) query.set('next', list.token);
    const generation = ++list.generation;
    const answer = await call(`${API}/sagas?${query}`);
    if (generation !== list.generation) return; // a newer view replaced this one
    byId('list-state').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    const rows = byId('saga-rows');
    rows.replaceChildren();
    if (!answer.ok) {
      showError('list-error', `Could not list the sagas: ${problemText(answer)}`);
      renderPager(null);
      section.dataset.state = 'error';
      return;
    }
    showError('list-error', null);
    const sagas = (answer.body && answer.body.sagas) || [];
    sagas.forEach(saga => rows.append(sagaRow(saga)));
    const empty = byId('list-empty');
    empty.hidden = sagas.length > 0;
    empty.textContent = list.token ? 'No more sagas.' : `No ${list.status} sagas.`;
    renderPager(answer.body && answer.body.next);
    section.dataset.status = list.status;
    section.dataset.page = String(list.previousTokens.length + 1);
    section.dataset.state = 'loaded';
    section.dataset.loads = String(Number(section.dataset.loads || 0) + 1);
  }

  function isStuck(saga) {
    return saga.status === 'PENDING' && settings.stuckAfterSeconds !== null
      && Number(saga.ageSeconds) >= settings.stuckAfterSeconds;
  }

  function sagaRow(saga) {
    const stuck = isStuck(saga);
    const link = element('a', { href: `#/saga/${encodeURIComponent(saga.orderId)}`, class: 'order-link' }, saga.orderId);
    return element('tr', {
      'data-order-id': saga.orderId, 'data-status': saga.status, 'data-stuck': String(stuck),
      class: stuck ? 'stuck' : null,
      title: stuck ? `PENDING for ${humanAge(saga.ageSeconds)}: stuck` : null,
    },
    element('td', null, link),
    element('td', null, element('span', { class: `status status-${saga.status}` }, saga.status)),
    element('td', { class: 'reason' }, saga.reason || ''),
    element('td', null, saga.currentStep || ''),
    element('td', { title: saga.startedAt }, localTime(saga.startedAt)),
    element('td', { class: 'age', 'data-age-seconds': saga.ageSeconds }, humanAge(saga.ageSeconds)),
    element('td', { title: saga.updatedAt }, localTime(saga.updatedAt)));
  }

  function renderPager(next) {
    byId('next-page').disabled = !next;
    byId('next-page').dataset.next = next || '';
    byId('previous-page').disabled = list.previousTokens.length === 0;
    byId('first-page').disabled = !list.token;
    byId('page-number').textContent = `Page ${list.previousTokens.length + 1}`;
  }

  // ---- one saga ----------------------------------------------------------------------------------------

  async function showSaga(orderId) {
    stopRefresh();
    const generation = ++detail.generation;
    list.generation++; // a list answer still in flight is dropped
    const changed = detail.orderId !== orderId;
    detail.orderId = orderId;
    byId('saga-list').hidden = true;
    byId('saga-detail').hidden = false;
    byId('saga-order-id').textContent = orderId;
    const section = byId('saga-detail');
    if (changed) {
      section.dataset.orderId = orderId;
      section.dataset.loaded = 'loading';
      byId('timeline').replaceChildren();
      byId('saga-status').textContent = '';
      byId('saga-reason').textContent = '';
      byId('refresh-state').textContent = 'Loading…';
    }
    const answer = await call(`${API}/sagas/${encodeURIComponent(orderId)}`);
    if (generation !== detail.generation) return; // the user moved on while this was in flight
    if (!answer.ok && !changed && section.dataset.refreshing === 'true' && answer.status !== 404) {
      // A refresh that failed (the application restarting, a 503): keep what is shown and try again.
      showError('saga-error', `Refresh failed, retrying: ${problemText(answer)}`);
      detail.timer = setTimeout(() => showSaga(orderId), REFRESH_MILLIS);
      return;
    }
    if (!answer.ok) {
      section.dataset.loaded = 'error';
      section.dataset.refreshing = 'false';
      byId('refresh-state').textContent = '';
      byId('timeline').replaceChildren();
      showError('saga-error', problemText(answer));
      return;
    }
    showError('saga-error', null);
    renderSaga(answer.body);
    const running = answer.body.status === 'PENDING';
    section.dataset.loaded = 'true';
    section.dataset.refreshing = String(running);
    byId('refresh-state').textContent = running
      ? `Running: refreshes every ${REFRESH_MILLIS / 1000} s (last ${new Date().toLocaleTimeString()})`
      : 'Final: no more refreshes';
    if (running) {
      detail.timer = setTimeout(() => showSaga(orderId), REFRESH_MILLIS);
    }
  }

  function stopRefresh() {
    if (detail.timer) clearTimeout(detail.timer);
    detail.timer = null;
  }

  function renderSaga(saga) {
    const section = byId('saga-detail');
    section.dataset.orderId = saga.orderId;
    section.dataset.status = saga.status;
    const status = byId('saga-status');
    status.textContent = saga.status;
    status.className = `status status-${saga.status}`;
    byId('saga-reason').textContent = saga.reason || '';
    const entries = saga.timeline || [];
    const first = entries.length ? new Date(entries[0].at).getTime() : 0;
    // Replay answers already shown survive a refresh.
    const answers = new Map([...document.querySelectorAll('#timeline .replay-result')]
      .filter(node => node.textContent).map(node => [node.dataset.replay, node.textContent]));
    byId('timeline').replaceChildren(...entries.map((entry, index) => timelineEntry(entry, index, first, answers)));
  }

  function factsOf(entry) {
    return entry.detail && typeof entry.detail === 'object' ? entry.detail : {};
  }

  /** What the colour says: done, compensated, retried, message, ignored, deferred, failed or notice. */
  function outcomeOf(entry) {
    const facts = factsOf(entry);
    switch (entry.kind) {
      case 'step':
        if (facts.status === 'FAILED') return 'failed';
        return !facts.status || facts.status === 'DONE' ? 'done' : 'notice';
      case 'compensation': return 'compensated';
      case 'retry': return 'retried';
      case 'event-published': return 'message';
      case 'event-consumed': {
        const outcome = String(facts.outcome || 'applied').toLowerCase();
        if (outcome.includes('duplicate') || outcome.includes('stale')) return 'ignored';
        if (outcome.includes('defer')) return 'deferred';
        return 'message';
      }
      case 'dead-letter': return 'failed';
      default: return 'notice';
    }
  }

  function labelOf(entry) {
    const facts = factsOf(entry);
    if (entry.kind === 'step' && facts.status === 'FAILED') return 'Saga failed';
    if (entry.kind === 'step' && facts.status && facts.status !== 'DONE') return `Step ${String(facts.status).toLowerCase()}`;
    if (entry.kind === 'event-published' && facts.published === false) return 'Event written, not yet published';
    return KIND_LABELS[entry.kind] || entry.kind;
  }

  function timelineEntry(entry, index, first, answers) {
    const facts = factsOf(entry);
    const at = new Date(entry.at).getTime();
    const outcome = outcomeOf(entry);
    const title = element('div', { class: 'entry-title' },
      element('span', { class: 'kind' }, labelOf(entry)),
      ' ',
      element('strong', { class: 'name' }, entry.name || ''));
    if (entry.kind === 'retry' && facts.attempt !== undefined) {
      title.append(' ', element('span', { class: 'badge attempt', 'data-attempt': facts.attempt }, `attempt ${facts.attempt}`));
    }
    if (entry.kind === 'event-consumed') {
      title.append(' ', element('span', { class: 'badge outcome' }, facts.outcome || 'applied'));
    }
    const card = element('div', { class: 'card' }, title, detailList(entry));
    const route = routeOf(entry);
    const actions = element('div', { class: 'actions' });
    if (route) {
      actions.append(element('a', {
        class: 'hawtio-route', href: hawtioRoute(route), target: '_blank', rel: 'noopener', 'data-route-id': route,
        title: 'Opens the route in Hawtio (its MBean; the Camel tab shows its diagram)',
      }, `Route ${route} in Hawtio`));
    }
    if (entry.kind === 'dead-letter' && facts.consumer) {
      actions.append(replayButton(facts.consumer, facts.eventId, answers.get(replayKey(facts.consumer, facts.eventId))));
    }
    if (actions.childElementCount) card.append(actions);
    return element('li', {
      class: `entry kind-${entry.kind} outcome-${outcome}`,
      id: `entry-${index}`,
      'data-kind': entry.kind, 'data-name': entry.name, 'data-outcome': outcome,
      'data-attempt': facts.attempt, 'data-consumer': facts.consumer, 'data-at': entry.at,
    },
    element('time', { class: 'offset', datetime: entry.at, title: `${localTime(entry.at)} (${entry.at})` },
      Number.isNaN(at) ? '' : offset(at - first)),
    element('span', { class: 'marker', 'aria-hidden': 'true' }),
    card);
  }

  function detailList(entry) {
    if (entry.detail === undefined || entry.detail === null || entry.detail === '') return null;
    if (typeof entry.detail !== 'object') return element('p', { class: 'detail' }, String(entry.detail));
    const text = (name, value) => typeof value === 'object' ? JSON.stringify(value)
      : /Ms$/.test(name) && typeof value === 'number' ? `${value} ms` : String(value);
    const said = ['attempt', 'outcome', 'published'];
    // The status a step or compensation normally ends with goes without saying; any other is shown.
    const usual = { 'step': 'DONE', 'compensation': 'COMPENSATED' }[entry.kind];
    const shown = Object.entries(entry.detail).filter(([name, value]) => !said.includes(name)
      && !(name === 'status' && (value === usual || entry.kind === 'step')));
    if (!shown.length) return null;
    const facts = element('dl', { class: 'detail' });
    shown.forEach(([name, value]) => facts.append(
      element('dt', null, name),
      element('dd', { 'data-field': name }, text(name, value))));
    return facts;
  }

  /** Replays the dead-lettered event (all its messages), or the consumer's oldest dead letters when no event is known. */
  function replayButton(consumer, eventId, previousAnswer) {
    const key = replayKey(consumer, eventId);
    const result = element('span', { class: 'replay-result', role: 'status', 'data-replay': key }, previousAnswer || '');
    const query = eventId ? `eventId=${encodeURIComponent(eventId)}` : `max=${REPLAY_MAX}`;
    const button = element('button', { type: 'button', class: 'replay', 'data-consumer': consumer, 'data-event-id': eventId },
      eventId ? `Replay this event to ${consumer}` : `Replay ${consumer}'s dead letters (up to ${REPLAY_MAX})`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      result.textContent = 'Replaying…';
      delete result.dataset.ok;
      const answer = await call(`${API}/dlq/${encodeURIComponent(consumer)}/replay?${query}`, { method: 'POST' });
      result.textContent = answer.ok
        ? `Replayed ${answer.body.replayed} message(s)${eventId ? ` of event ${eventId}` : ''} to ${answer.body.consumer}'s queue`
        : `Replay refused: ${problemText(answer)}`;
      result.dataset.ok = String(answer.ok);
      button.disabled = false;
    });
    return element('span', { class: 'replay-box' }, button, ' ', result);
  }

  function replayKey(consumer, eventId) {
    return `${consumer}/${eventId || '*'}`;
  }

  // ---- navigation: #/sagas?status=… and #/saga/{orderId} ---------------------------------------------

  function route() {
    const hash = location.hash || '#/sagas';
    const saga = /^#\/saga\/(.+)$/.exec(hash);
    if (saga) {
      let orderId;
      try {
        orderId = decodeURIComponent(saga[1]);
      } catch (malformed) {
        orderId = saga[1];
      }
      byId('search-input').value = orderId;
      showSaga(orderId);
      return;
    }
    const query = new URLSearchParams(hash.split('?')[1] || '');
    const limit = Number(query.get('limit'));
    list.limit = Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : PAGE_SIZE;
    showList(query.get('status') || list.status, null, []);
  }

  function wire() {
    byId('search-form').addEventListener('submit', event => {
      event.preventDefault();
      const orderId = byId('search-input').value.trim();
      if (!orderId) {
        byId('search-input').focus();
        return;
      }
      const target = `#/saga/${encodeURIComponent(orderId)}`;
      if (location.hash === target) showSaga(orderId); else location.hash = target;
    });
    byId('status-filter').addEventListener('change', event => {
      location.hash = `#/sagas?status=${event.target.value}` + (list.limit === PAGE_SIZE ? '' : `&limit=${list.limit}`);
    });
    byId('refresh-list').addEventListener('click', () => showList(list.status, list.token, list.previousTokens));
    byId('next-page').addEventListener('click', event => {
      const next = event.target.dataset.next;
      if (next) showList(list.status, next, [...list.previousTokens, list.token]);
    });
    byId('previous-page').addEventListener('click', () => {
      const previous = [...list.previousTokens];
      showList(list.status, previous.pop(), previous);
    });
    byId('first-page').addEventListener('click', () => showList(list.status, null, []));
    window.addEventListener('hashchange', route);
  }

  async function start() {
    wire();
    const answer = await call('settings');
    if (answer.ok && answer.body) {
      settings.stuckAfterSeconds = Number(answer.body.stuckAfterSeconds);
      settings.camelContext = answer.body.camelContext || settings.camelContext;
    }
    byId('stuck-after').textContent = settings.stuckAfterSeconds === null ? 'the saga timeout' : humanAge(settings.stuckAfterSeconds);
    route();
  }

  start();
})();
