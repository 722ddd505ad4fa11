// The storefront page: browse books, place an order, watch it get paid, and see which pod and
// version answered every request. Plain browser JavaScript, no build step.
const basket = new Map();
const fleet = new Map();
const $ = (id) => document.getElementById(id);

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  noteAnswer(path, response, body);
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/** Shows who served a response, from the headers every Bookstore service sets. */
function noteAnswer(path, response, body) {
  const pod = response.headers.get('X-Served-By') ?? body.pod ?? '?';
  const version = response.headers.get('X-App-Version') ?? body.version ?? '?';
  const li = document.createElement('li');
  li.textContent = `${response.status} ${path.split('?')[0]} ← ${body.service ?? ''} ${pod} v${version}`;
  $('answers').prepend(li);
  while ($('answers').children.length > 8) $('answers').lastChild.remove();
}

const price = (cents) => `$${(cents / 100).toFixed(2)}`;

async function loadBooks(q = '') {
  const list = $('books');
  try {
    const { books } = await api(`/api/books?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    list.replaceChildren(...books.map((book) => {
      const li = document.createElement('li');
      const add = document.createElement('button');
      add.textContent = 'Add';
      add.onclick = () => addToBasket(book);
      li.append(`${book.title} — ${book.author} (${price(book.priceCents)}) `, add);
      return li;
    }));
  } catch (error) {
    list.innerHTML = `<li class="error">Could not load books: ${error.message}</li>`;
  }
}

function addToBasket(book) {
  const line = basket.get(book.id) ?? { book, quantity: 0 };
  line.quantity += 1;
  basket.set(book.id, line);
  $('basket').replaceChildren(...[...basket.values()].map(({ book, quantity }) => {
    const li = document.createElement('li');
    li.textContent = `${quantity} × ${book.title}`;
    return li;
  }));
}

async function placeOrder(event) {
  event.preventDefault();
  const status = $('order-status');
  if (basket.size === 0) return void (status.textContent = 'Add a book first.');
  const items = [...basket.values()].map(({ book, quantity }) => ({ bookId: book.id, quantity }));
  try {
    const { order } = await api('/api/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: new FormData(event.target).get('email'), items }),
    });
    basket.clear();
    $('basket').replaceChildren();
    status.textContent = `Order ${order.id.slice(0, 8)}: ${order.status}, ${price(order.totalCents)}`;
    await followOrder(order.id);
  } catch (error) {
    status.innerHTML = `<span class="error">${error.message}</span>`;
  }
}

/** Polls the order until the payments worker has charged it. */
async function followOrder(id) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const { order } = await api(`/api/orders/${id}`).catch(() => ({}));
    if (order?.status === 'paid') {
      $('order-status').textContent = `Order ${id.slice(0, 8)}: paid ✓`;
      return;
    }
  }
}

/** The fleet view: which catalog pods answer, in their colours, as the Service spreads requests. */
async function watchFleet() {
  if (!$('watch').checked) return;
  try {
    const response = await fetch('/api/catalog-info');
    const info = await response.json();
    const seen = fleet.get(info.pod) ?? { count: 0, info };
    seen.count += 1;
    seen.info = info;
    seen.at = Date.now();
    fleet.set(info.pod, seen);
  } catch {
    /* a failed poll is part of the show (a rollout, a crash); keep polling */
  }
  $('fleet').replaceChildren(...[...fleet.values()].filter((s) => Date.now() - s.at < 10_000).map(({ count, info }) => {
    const li = document.createElement('li');
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.style.background = info.color;
    li.append(dot, `${info.pod} v${info.version} — ${count} answers`);
    return li;
  }));
  setTimeout(watchFleet, 500);
}

$('search').onsubmit = (event) => {
  event.preventDefault();
  void loadBooks(new FormData(event.target).get('q'));
};
$('order').onsubmit = placeOrder;
$('watch').onchange = () => void watchFleet();
fetch('/api/info').then((r) => r.json()).then((info) => {
  $('storefront-info').textContent = `storefront ${info.pod} v${info.version}`;
  document.body.style.borderTop = `6px solid ${info.color}`;
}).catch(() => undefined);
void loadBooks();
