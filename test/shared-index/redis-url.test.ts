/**
 * The string forms of a Redis archive (redis://, rediss://, redis+cluster://),
 * hand-checked: what each names, and a clear error for what is not one.
 */
import { describe, expect, it } from 'vitest';
import { isRedisUrl, maskPassword, parseRedisUrl } from '../../src/shared-index/redis-url.js';

describe('Redis URLs', () => {
  it('tells a Redis URL from a file path', () => {
    for (const url of ['redis://h:1', 'REDIS://h:1', 'rediss://h:1', 'redis+cluster://a:1,b:2'])
      expect(isRedisUrl(url), url).toBe(true);
    for (const path of [
      'archive.idx',
      './redis/archive.idx',
      'redis:archive.idx',
      '/tmp/redis://x',
    ])
      expect(isRedisUrl(path), path).toBe(false);
  });

  it('splits the archive name off one server URL and keeps the rest for the client', () => {
    expect(parseRedisUrl('redis://u:p%40ss@10.0.0.5:6380/2?name=ha-noi', 'f')).toEqual({
      server: { url: 'redis://u:p%40ss@10.0.0.5:6380/2' },
      name: 'ha-noi',
    });
    expect(parseRedisUrl('rediss://h:6379', 'f')).toEqual({
      server: { url: 'rediss://h:6379' },
      name: undefined,
    });
  });

  it('reads a cluster URL: its nodes, user and password, and name', () => {
    expect(parseRedisUrl('redis+cluster://127.0.0.1:7000,[::1]:7001,h:7002?name=x', 'f')).toEqual({
      server: {
        cluster: [
          { host: '127.0.0.1', port: 7000 },
          { host: '::1', port: 7001 },
          { host: 'h', port: 7002 },
        ],
      },
      name: 'x',
    });
    expect(parseRedisUrl('redis+cluster://ops:s%3Acret@h:7000', 'f')).toEqual({
      server: { cluster: [{ host: 'h', port: 7000 }] },
      username: 'ops',
      password: 's:cret',
      name: undefined,
    });
    expect(parseRedisUrl('redis+cluster://:pw@h:7000', 'f')).toMatchObject({ password: 'pw' });
  });

  it('refuses what is not one, with the forms it takes, and never shows the password', () => {
    for (const bad of [
      'http://h:1',
      'redis+cluster://',
      'redis+cluster://h',
      'redis+cluster://h:99999',
      'nonsense',
    ]) {
      let error: unknown;
      try {
        parseRedisUrl(bad, 'f');
      } catch (e) {
        error = e;
      }
      expect(error, bad).toMatchObject({ code: 'ERR_SAOCHEP_INVALID_ARGUMENT' });
      expect((error as Error).message, bad).toMatch(/HOST:PORT/);
    }
    expect(() => parseRedisUrl('http://u:secret@h:1', 'f')).toThrow(/…@h:1/);
    expect(maskPassword('redis://u:secret@h:1?name=a')).toBe('redis://…@h:1?name=a');
    expect(maskPassword('redis+cluster://:secret@a:1,b:2')).toBe('redis+cluster://…@a:1,b:2');
    expect(maskPassword('redis://h:1')).toBe('redis://h:1');
  });
});
