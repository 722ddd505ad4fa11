-- The Bookstore's tables. One database shared by catalog, orders and payments-worker: a
-- deliberate simplification for the course (a real shop would give each service its own).

CREATE TABLE books (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  author      text NOT NULL,
  year        integer,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  description text NOT NULL DEFAULT ''
);

CREATE TABLE orders (
  id          uuid PRIMARY KEY,
  email       text NOT NULL,
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid')),
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  paid_at     timestamptz
);

CREATE TABLE order_items (
  order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  book_id     text NOT NULL,
  title       text NOT NULL,
  quantity    integer NOT NULL CHECK (quantity > 0),
  price_cents integer NOT NULL,
  PRIMARY KEY (order_id, book_id)
);

-- Events waiting to be published. Written in the same transaction as the order, deleted once
-- RabbitMQ has confirmed them: an order never exists without its event.
CREATE TABLE outbox (
  id          bigserial PRIMARY KEY,
  routing_key text NOT NULL,
  payload     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per charged order. The primary key is what makes a redelivered message harmless.
CREATE TABLE payments (
  order_id     uuid PRIMARY KEY REFERENCES orders (id),
  amount_cents integer NOT NULL,
  charged_by   text NOT NULL,
  charged_at   timestamptz NOT NULL DEFAULT now()
);
