-- info: Also creates the products table
CREATE TABLE products (id BIGINT PRIMARY KEY);
