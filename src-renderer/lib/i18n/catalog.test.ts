import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { fa } from './fa';
import type { PluralForms } from './types';

/**
 * Keys whose Persian is the English on purpose: names that are the same in every language
 * (PyTorch layer classes, optimizers, model and format names), pure placeholders and symbols.
 * Everything else must have its own Persian text.
 */
const SAME_IN_EVERY_LANGUAGE = new Set<MessageKey>([
  'app.name', // the product's name
  'app.documentTitle', // "{name}{dirtyMarker} — Layerwise": only placeholders and the name
  'app.dirtyMarker',
  'file.openErrorDetail', // "{file}: {message}"
  'network.column.index', // "#"
  'network.notApplicable', // "—"
  'args.kernel', // "{value}"
  // PyTorch class names (nn.Conv2d ...): students write them in code as they are.
  'layer.conv2d',
  'layer.convtranspose2d',
  'layer.maxpool2d',
  'layer.avgpool2d',
  'layer.adaptiveavgpool2d',
  'layer.batchnorm2d',
  'layer.relu',
  'layer.leakyrelu',
  'layer.sigmoid',
  'layer.tanh',
  'layer.gelu',
  'layer.softmax',
  'layer.dropout',
  'layer.dropout2d',
  'layer.flatten',
  'layer.linear',
  // Model names.
  'builder.presetName.lenet5',
  'builder.presetName.alexnet',
  'builder.presetName.vgg16',
  'builder.code.pytorch',
  'builder.code.keras',
  'builder.code.pathError', // "{path}: {message}"
  'builder.code.languageName.pytorch', // the language's own name
  'builder.code.languageName.keras',
  'builder.code.languageName.json',
  'rf.layerLabel', // "{index} {type} {height}×{width}"
  'backprop.activation.relu',
  'backprop.activation.tanh',
  'backprop.tensor.grad_pooled', // dL/dy ...: the formulas' symbols
  'backprop.tensor.grad_activated',
  'backprop.tensor.grad_conv',
  'backprop.tensor.grad_filters',
  'backprop.tensor.grad_bias',
  'backprop.text.activation', // "{kind}({z}) = {value}."
  'optimizer.model.label', // "y ="
  'optimizer.opt.sgd',
  'optimizer.opt.adagrad',
  'optimizer.opt.rmsprop',
  'optimizer.opt.adam',
  'optimizer.hyper.eps',
  'optimizer.hyper.alpha',
  'optimizer.hyper.beta1',
  'optimizer.hyper.beta2',
  'optimizer.table.y',
  'optimizer.table.loss',
  'optimizer.table.dldy',
  'optimizer.table.param', // "{param}"
]);

const texts = (message: string | PluralForms): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const PERSIAN_LETTER = /[\u0600-\u06FF]/;

describe('the Persian catalog', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('has every English key and no other (the type checks it too)', () => {
    expect(Object.keys(fa).sort()).toEqual([...keys].sort());
  });

  it('gives every key a non-empty Persian text of its own, not a copy of the English', () => {
    const copies: string[] = [];
    const empty: string[] = [];
    for (const key of keys) {
      for (const text of texts(fa[key])) {
        if (text.trim() === '') empty.push(key);
        if (SAME_IN_EVERY_LANGUAGE.has(key)) continue;
        if (texts(en[key]).includes(text)) copies.push(key);
      }
    }
    expect(empty, 'empty Persian texts').toEqual([]);
    expect(copies, 'Persian texts that copy the English').toEqual([]);
  });

  it('writes Persian words in every text that has English words (formulas and names aside)', () => {
    const latinOnly = keys.filter((key) => {
      if (SAME_IN_EVERY_LANGUAGE.has(key)) return false;
      // Placeholders, formulas (left-to-right isolates) and names are not words to translate.
      const words = texts(fa[key]).join(' ').replace(/\{\w+\}/g, '').replace(/\u2066[^\u2069]*\u2069/g, '').replace(/PyTorch/g, '');
      return /[A-Za-z]{3}/.test(words) && !PERSIAN_LETTER.test(words);
    });
    expect(latinOnly).toEqual([]);
  });

  it('keeps the same-in-every-language list honest: each entry is really the same', () => {
    for (const key of SAME_IN_EVERY_LANGUAGE) expect(texts(fa[key]), key).toEqual(texts(en[key]));
  });

  it('uses exactly the English placeholders in every text (a typo would print "{nmae}")', () => {
    for (const key of keys) {
      const expected = placeholders(texts(en[key]).join(' ')).filter((name, i, all) => all.indexOf(name) === i);
      const actual = placeholders(texts(fa[key]).join(' ')).filter((name, i, all) => all.indexOf(name) === i);
      expect(actual, key).toEqual(expected);
    }
  });

  it('gives a plural message the forms Persian uses (Intl.PluralRules: one, other) and the English ones', () => {
    const faCategories = new Intl.PluralRules('fa').resolvedOptions().pluralCategories;
    const enCategories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    const plurals = keys.filter((key) => typeof en[key] !== 'string');
    expect(plurals.length).toBeGreaterThan(0);
    for (const key of plurals) {
      expect(Object.keys(fa[key]).sort(), key).toEqual([...faCategories].sort());
      expect(Object.keys(en[key]).sort(), key).toEqual([...enCategories].sort());
    }
  });

  it('writes the zero-width non-joiner where Persian needs it, never a plain space inside "می‌" verbs', () => {
    const broken = keys.filter((key) => texts(fa[key]).some((text) => /(^|[\s«(])می [\u0600-\u06FF]/.test(text)));
    expect(broken).toEqual([]);
  });
});
