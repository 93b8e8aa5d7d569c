// The dashboard's charts and live feed, drawn from the gateway's read APIs.
const asOf = document.body.dataset.asOf;
const query = asOf ? `?asOf=${asOf}` : '';

function chart(id, type, labels, datasets, options = {}) {
  return new Chart(document.getElementById(id), { type, data: { labels, datasets }, options });
}

function feedItem(item) {
  const li = document.createElement('li');
  li.dataset.eventId = item.eventId;
  li.innerHTML = '<span class="service"></span><span class="summary"></span> <small></small>';
  li.querySelector('.service').textContent = item.service;
  li.querySelector('.summary').textContent = item.summary;
  li.querySelector('small').textContent = `${item.streamId} v${item.version}, effective ${item.effectiveDate}`;
  return li;
}

async function drawCharts() {
  const dashboard = await (await fetch(`/api/dashboard${query}`)).json();
  const m = dashboard.membership;
  document.getElementById('summary').textContent =
    `${m.memberStates} Member States and ${m.associates} Associates as of ${dashboard.asOf}; ` +
    `${dashboard.cbkt.participations} CBKT participations from ${dashboard.cbkt.distinctCountries} countries.`;

  const points = dashboard.membershipOverTime;
  chart('membership-chart', 'line', points.map(p => p.date), [
    { label: 'Member States', data: points.map(p => p.memberStates), stepped: true },
    { label: 'Associates', data: points.map(p => p.associates), stepped: true }]);

  const cbkt = dashboard.cbkt.byRmoAndYear;
  const years = [...new Set(cbkt.map(c => c.year))].sort();
  const rmos = [...new Set(cbkt.map(c => c.rmo))].sort();
  chart('cbkt-chart', 'bar', years, rmos.map(rmo => ({
    label: rmo, data: years.map(y => (cbkt.find(c => c.rmo === rmo && c.year === y) || { participations: 0 }).participations)
  })), { scales: { x: { stacked: true }, y: { stacked: true } } });

  const editions = dashboard.worldMetrologyDay.editions;
  chart('wmd-editions-chart', 'bar', editions.map(e => e.year), [
    { label: 'Celebrations', data: editions.map(e => e.celebrations) },
    { label: 'Poster translations', data: editions.map(e => e.translations.length) }]);

  const current = dashboard.worldMetrologyDay.currentEdition;
  const byCountry = current ? current.celebrationsByCountry : {};
  chart('wmd-countries-chart', 'bar', Object.keys(byCountry),
    [{ label: current ? `${current.year}: ${current.theme || ''}` : 'no edition', data: Object.values(byCountry) }]);
}

async function followActivity() {
  const feed = document.getElementById('feed');
  const page = await (await fetch('/api/activity?size=20')).json();
  page.items.forEach(item => feed.appendChild(feedItem(item)));
  const live = new EventSource('/api/activity/stream');
  live.onmessage = message => feed.prepend(feedItem(JSON.parse(message.data)));
  window.liveFeed = live;
}

drawCharts();
followActivity();
