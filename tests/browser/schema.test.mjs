// The JSON Schema in assets/ describes what Linli writes, for other tools: the sample
// and a real export validate against it (with Ajv, a standard validator); bad ones don't.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from './harness.mjs';
import { bundle, responses, editedNotice } from './bundles.mjs';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'assets/schema/linli-bundle-v1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

test('the sample compound and test bundles validate against the schema', () => {
  const sample = JSON.parse(readFileSync(path.join(ROOT, 'assets/sample/sample-compound.json'), 'utf8'));
  assert.ok(validate(sample), JSON.stringify(validate.errors));
  const b = bundle([...responses(0, 5), editedNotice(1795500000000, '新标题')]);
  assert.ok(validate(b), JSON.stringify(validate.errors));
});

test('the schema refuses what the app refuses', () => {
  const bad = (mutate) => {
    const b = bundle(responses(0, 1));
    mutate(b);
    return validate(b);
  };
  assert.equal(bad((b) => { b.version = 2; }), false);
  assert.equal(bad((b) => { b.records[0].kind = 'spaceship'; }), false);
  assert.equal(bad((b) => { b.records[0].id = 'XYZ'; }), false);
  assert.equal(bad((b) => { b.records[0].colour = 'red'; }), false);
  assert.equal(bad((b) => { b.records[0].answers = 'yes'; }), false);
  assert.equal(bad((b) => { b.records[0].submitted_ms = -5; }), false);
  assert.equal(bad((b) => { b.records[0].answers[0].other = 'x\udc00'; }), false);  // a lone surrogate
  assert.equal(bad((b) => { b.records[0].answers[0].other = 'x\ud83d\ude00'; }), true);  // a pair is a character
});
