INSERT INTO bench_insert (payload) VALUES ('{"benchmark": "single-row insert"}');
