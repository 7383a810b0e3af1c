'use strict';

/** The greeting for `name`, with the word the build's matrix entry chose. */
function greet(name, word = process.env.GREETING || 'hello') {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError('name must be a non-empty string');
  }
  return `${word}, ${name.trim()}!`;
}

module.exports = { greet };
