-- Books to browse: public-domain classics, prices in cents.
INSERT INTO books (id, title, author, year, price_cents, description) VALUES
  ('b-001', 'Moby-Dick', 'Herman Melville', 1851, 1499, 'A whaling voyage, an obsession, a very large whale.'),
  ('b-002', 'Pride and Prejudice', 'Jane Austen', 1813, 999, 'Five sisters, one proud gentleman, a great many letters.'),
  ('b-003', 'Frankenstein', 'Mary Shelley', 1818, 899, 'A student builds a creature and cannot live with the result.'),
  ('b-004', 'The Time Machine', 'H. G. Wells', 1895, 799, 'A traveller rides forward to the far end of the world.'),
  ('b-005', 'Twenty Thousand Leagues Under the Seas', 'Jules Verne', 1870, 1199, 'A submarine, a captain with no country, the whole ocean.'),
  ('b-006', 'The Adventures of Sherlock Holmes', 'Arthur Conan Doyle', 1892, 1099, 'Twelve cases from Baker Street.'),
  ('b-007', 'Dracula', 'Bram Stoker', 1897, 999, 'A castle in the Carpathians and a ship that docks with no crew.'),
  ('b-008', 'The Odyssey', 'Homer', NULL, 1299, 'Ten years of trying to get home.'),
  ('b-009', 'Middlemarch', 'George Eliot', 1871, 1399, 'A provincial town, seen from every house in it.'),
  ('b-010', 'The War of the Worlds', 'H. G. Wells', 1898, 849, 'Cylinders land in Surrey; nothing is the same.'),
  ('b-011', 'Little Women', 'Louisa May Alcott', 1868, 949, 'Four sisters grow up while their father is at war.'),
  ('b-012', 'Treasure Island', 'Robert Louis Stevenson', 1883, 799, 'A map, a cook with one leg, and an island.')
ON CONFLICT (id) DO NOTHING;
