CREATE TABLE ${prefix}_book (id INT PRIMARY KEY, author_id INT NOT NULL, title VARCHAR(200) NOT NULL);
