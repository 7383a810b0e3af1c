'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { greet } = require('../src/greet');

test('greets by name with the given word', () => {
  assert.strictEqual(greet('Ada', 'hello'), 'hello, Ada!');
});

test('trims the name', () => {
  assert.strictEqual(greet('  Grace ', 'hi'), 'hi, Grace!');
});

test('uses the matrix entry\'s GREETING by default', () => {
  assert.strictEqual(greet('Linus'), `${process.env.GREETING || 'hello'}, Linus!`);
});

test('refuses an empty name', () => {
  assert.throws(() => greet(' '), TypeError);
});
