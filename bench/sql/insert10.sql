INSERT INTO bench_insert (payload) VALUES ('{"row": 1}'), ('{"row": 2}'), ('{"row": 3}'), ('{"row": 4}'), ('{"row": 5}'),
  ('{"row": 6}'), ('{"row": 7}'), ('{"row": 8}'), ('{"row": 9}'), ('{"row": 10}');
