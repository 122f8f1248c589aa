-- info: For a database Upgrader does not know
SELECT 1 FROM dual;
