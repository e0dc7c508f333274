import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 of an input computed from the very bytes a reader consumes, so the digest printed in a report
/// belongs to the bytes that were rated — never to a second read of a file that may have changed.
///
/// A reader that streams a file hands it over block by block with ``updateLater(_:)``: the blocks are hashed
/// in order on a thread of their own while the reader parses (on two cores hashing then costs no time), and
/// the reader waits (``wait(for:)``) before it reuses a block's memory. ``update(_:)``, ``byteCount`` and
/// ``finish()`` wait for what is queued, so every result is the same as hashing in line.
package final class InputDigester {
  private var hasher = SHA256()
  private var result: String?
  private var counted = 0
  /// The thread hashing ``updateLater(_:)``'s blocks, started on the first one.
  private var worker: Worker?

  package init() {}

  deinit { worker?.stop() }

  /// How many bytes went into the digest.
  package var byteCount: Int {
    worker?.waitForAll()
    return counted
  }

  /// Adds the next bytes read.
  package func update(_ bytes: UnsafeRawBufferPointer) {
    precondition(result == nil, "InputDigester updated after it was finished")
    worker?.waitForAll()
    add(bytes)
  }

  /// Adds the next bytes read, hashed on another thread: `bytes` must stay as they are until ``wait(for:)``
  /// has returned for the number this returns.
  package func updateLater(_ bytes: UnsafeRawBufferPointer) -> Int {
    precondition(result == nil, "InputDigester updated after it was finished")
    if worker == nil { worker = Worker(self) }
    return worker!.submit(bytes)
  }

  /// Returns once the bytes of ``updateLater(_:)``'s `ticket` are hashed.
  package func wait(for ticket: Int) { worker?.wait(for: ticket) }

  /// The lower-case hexadecimal SHA-256 of everything added; further calls return the same value.
  package func finish() -> String {
    if let result { return result }
    worker?.stop()
    worker = nil
    let hex = hasher.finalize().map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }.joined()
    result = hex
    return hex
  }

  /// The SHA-256 of `bytes`.
  package static func sha256(of bytes: [UInt8]) -> String {
    let digester = InputDigester()
    bytes.withUnsafeBytes { digester.update($0) }
    return digester.finish()
  }

  /// Only ever run by one thread at a time: the caller's, or the worker's while blocks are queued (the caller
  /// waits for those before hashing itself).
  fileprivate func add(_ bytes: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: bytes)
    counted += bytes.count
  }
}

/// A thread that hashes queued blocks in order (pthreads: the process has no other use for a thread pool).
private final class Worker {
  private unowned let digester: InputDigester
  private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var queue: [UnsafeRawBufferPointer] = []
  private var head = 0
  /// Blocks submitted and hashed so far (tickets are submission numbers, from 1).
  private var submitted = 0
  private var hashed = 0
  private var stopping = false
  private var thread: pthread_t?
  private var running = false

  init(_ digester: InputDigester) {
    self.digester = digester
    pthread_mutex_init(lock, nil)
    pthread_cond_init(changed, nil)
    var thread = pthread_t()
    let context = Unmanaged.passUnretained(self).toOpaque()
    running =
      pthread_create(
        &thread, nil,
        { context in
          Unmanaged<Worker>.fromOpaque(context!).takeUnretainedValue().run()
          return nil
        }, context) == 0
    if running { self.thread = thread }
  }

  deinit {
    pthread_cond_destroy(changed)
    pthread_mutex_destroy(lock)
    changed.deallocate()
    lock.deallocate()
  }

  func submit(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard running else {
      // No thread: hash in line.
      digester.add(bytes)
      submitted += 1
      hashed += 1
      return submitted
    }
    pthread_mutex_lock(lock)
    queue.append(bytes)
    submitted += 1
    let ticket = submitted
    pthread_cond_broadcast(changed)
    pthread_mutex_unlock(lock)
    return ticket
  }

  func wait(for ticket: Int) {
    guard running else { return }
    pthread_mutex_lock(lock)
    while hashed < ticket { pthread_cond_wait(changed, lock) }
    pthread_mutex_unlock(lock)
  }

  func waitForAll() { wait(for: submitted) }

  /// Hashes what is queued, then ends the thread.
  func stop() {
    guard running else { return }
    pthread_mutex_lock(lock)
    stopping = true
    pthread_cond_broadcast(changed)
    pthread_mutex_unlock(lock)
    if let thread { pthread_join(thread, nil) }
    running = false
  }

  private func run() {
    pthread_mutex_lock(lock)
    while true {
      while head == queue.count && !stopping { pthread_cond_wait(changed, lock) }
      if head == queue.count { break }
      let bytes = queue[head]
      head += 1
      if head == queue.count {
        queue.removeAll(keepingCapacity: true)
        head = 0
      }
      pthread_mutex_unlock(lock)
      digester.add(bytes)
      pthread_mutex_lock(lock)
      hashed += 1
      pthread_cond_broadcast(changed)
    }
    pthread_mutex_unlock(lock)
  }
}
