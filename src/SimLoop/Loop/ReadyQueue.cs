using System.Diagnostics;

namespace SimLoop.Loop;

/// <summary>
/// The ready continuations in insertion order (a growable ring buffer). FIFO takes index 0 in O(1);
/// other strategies take any index, paying a shift of the shorter side. Insertion order is the canonical
/// order every recorded decision indexes into.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class ReadyQueue
{
    private ReadyItem[] _items = new ReadyItem[64];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>
    /// The id of the task whose continuation the pump took last, so the one whose step ran just before the current
    /// decision (-1 before the first): preemption bounding tells a preemption (switching away from that task while it
    /// is still ready) from a free switch. An id rather than the task: storing an int costs no GC write barrier per step.
    /// </summary>
    public int LastTakenId { get; set; } = -1;

    public void Enqueue(in ReadyItem item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[(_head + _count) & (_items.Length - 1)] = item;
        _count++;
    }

    public ref readonly ReadyItem this[int index] => ref _items[(_head + index) & (_items.Length - 1)];

    public ReadyItem RemoveAt(int index)
    {
        Debug.Assert((uint)index < (uint)_count);
        var mask = _items.Length - 1;
        var item = _items[(_head + index) & mask];
        if (index < _count / 2)
        {
            // Shift the front right by one.
            for (var i = index; i > 0; i--)
            {
                _items[(_head + i) & mask] = _items[(_head + i - 1) & mask];
            }

            _items[_head] = default;
            _head = (_head + 1) & mask;
        }
        else
        {
            // Shift the back left by one.
            for (var i = index; i < _count - 1; i++)
            {
                _items[(_head + i) & mask] = _items[(_head + i + 1) & mask];
            }

            _items[(_head + _count - 1) & mask] = default;
        }

        _count--;
        return item;
    }

    private void Grow()
    {
        var larger = new ReadyItem[_items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            larger[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = larger;
        _head = 0;
    }
}
