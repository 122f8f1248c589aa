--liquibase formatted sql

--changeset it:1
CREATE TABLE it_reader (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100));
